package org.customerportal.notification.preference;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.customerportal.notification.NotificationProperties;
import org.customerportal.notification.preference.UnsubscribeTokens.Unsubscribe;
import org.customerportal.platform.problem.PortalException;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The signed link in every reminder (public: the token is the authorisation). GET only shows what a
 * POST would do, because mail scanners follow links; POST unsubscribes and is also the RFC 8058
 * one-click target. A token that does not verify answers 400 and changes nothing.
 */
@Controller
@Tag(name = "Unsubscribe", description = "The signed unsubscribe link of every mail; public.")
@RequestMapping("/api/unsubscribe")
class UnsubscribeController {

	static final String INVALID = "This unsubscribe link is not valid or has expired. Use the link in a more recent e-mail, or change your mail preferences in the portal.";

	private final UnsubscribeTokens tokens;

	private final MailPreferences preferences;

	private final String portalUrl;

	private final String portalOrigin;

	UnsubscribeController(UnsubscribeTokens tokens, MailPreferences preferences, NotificationProperties properties) {
		this.tokens = tokens;
		this.preferences = preferences;
		this.portalUrl = properties.link("");
		URI portal = properties.baseUrl();
		this.portalOrigin = portal.getScheme() + "://" + portal.getRawAuthority();
	}

	@GetMapping
	@Operation(summary = "Confirmation page for an unsubscribe link; changes nothing",
			description = "A small page naming the address and what it stops, with a confirm button. It changes nothing, "
					+ "since mail scanners follow links. An altered, expired or foreign token answers 400. Public.")
	ModelAndView confirm(@RequestParam String token, HttpServletRequest request, HttpServletResponse response) {
		Unsubscribe unsubscribe = verified(token, request, response);
		if (unsubscribe == null) {
			return invalidPage();
		}
		return page("unsubscribe/confirm", unsubscribe, token, HttpStatus.OK);
	}

	@PostMapping
	@Operation(summary = "Unsubscribe the address in the signed token (also the RFC 8058 one-click target)",
			description = "Stops renewal reminders (or the newsletter) for the address in the signed token; also the "
					+ "target of RFC 8058 one-click unsubscribe. Repeating it is harmless; an altered, expired or "
					+ "foreign token answers 400 and changes nothing. Public.")
	ModelAndView unsubscribe(@RequestParam String token, HttpServletRequest request, HttpServletResponse response) {
		Unsubscribe unsubscribe = verified(token, request, response);
		if (unsubscribe == null) {
			return invalidPage();
		}
		preferences.unsubscribe(unsubscribe.recipient(), unsubscribe.scope());
		return page("unsubscribe/done", unsubscribe, token, HttpStatus.OK);
	}

	/**
	 * The verified token, or null when the caller reads HTML (they get the page); a client that does not
	 * read HTML gets the usual problem document.
	 */
	private Unsubscribe verified(String token, HttpServletRequest request, HttpServletResponse response) {
		// The token is a credential: keep it out of the Referer of anything on another host the page links
		// to. Not no-referrer: with it a browser sends the form's Origin as "null", which the gateway refuses.
		response.setHeader("Referrer-Policy", "same-origin");
		// The portal's look: its stylesheets, and nothing else from anywhere
		response.setHeader("Content-Security-Policy", "default-src 'none'; style-src " + portalOrigin + "; img-src "
				+ portalOrigin + " data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
		Optional<Unsubscribe> verified = tokens.verify(token);
		if (verified.isPresent()) {
			return verified.get();
		}
		if (acceptsHtml(request)) {
			return null;
		}
		throw new PortalException(HttpStatus.BAD_REQUEST, INVALID);
	}

	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		try {
			return accept != null && MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private ModelAndView page(String view, Unsubscribe unsubscribe, String token, HttpStatus status) {
		ModelAndView page = new ModelAndView(view, Map.of("recipient", unsubscribe.recipient(), "scope",
				unsubscribe.scope().description(), "token", token, "portalUrl", portalUrl));
		page.setStatus(status);
		return page;
	}

	private ModelAndView invalidPage() {
		ModelAndView page = new ModelAndView("unsubscribe/invalid", Map.of("message", INVALID, "portalUrl", portalUrl));
		page.setStatus(HttpStatus.BAD_REQUEST);
		return page;
	}

}
