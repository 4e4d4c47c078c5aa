package org.customerportal.portal.invitation;

import java.security.Principal;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.PortalApi;
import org.customerportal.portal.web.People;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The link in the invitation e-mail. Anyone may open it: a stranger is offered to create an account or
 * to sign in (both come back here); a signed-in person sees who invites them to which company and
 * accepts, or learns why they cannot (expired, already used, sent to another address, already in a
 * company).
 */
@Controller
class InvitationController {

	private final PortalApi api;

	private final People people;

	private final MessageSourceAccessor messages;

	InvitationController(PortalApi api, People people, MessageSource messages) {
		this.api = api;
		this.people = people;
		this.messages = new MessageSourceAccessor(messages);
	}

	/** What the invitation page shows a signed-in person. */
	enum State {

		PENDING, ACCEPTED, EXPIRED, REPLACED, WITHDRAWN, WRONG_ADDRESS, REFUSED, UNKNOWN

	}

	@GetMapping("/invitations/{id}")
	ModelAndView invitation(@PathVariable UUID id, @RequestParam(required = false) String token, Principal principal) {
		if (principal == null) {
			return new ModelAndView("invitation/welcome", Map.of("invitationId", id, "token", token == null ? "" : token));
		}
		if (token == null || token.isBlank()) {
			return unknown(null);
		}
		try {
			InvitationDetails invitation = details(id, token);
			return page(invitation, token, State.valueOf(invitation.status().name()), null);
		}
		catch (ApiProblem problem) {
			if (problem.isNotFound()) {
				return unknown(problem.detail());
			}
			throw problem;
		}
	}

	/** "Sign in" and "Create an account" lead here: signing in is required, then back to the invitation. */
	@GetMapping("/invitations/{id}/join")
	String join(@PathVariable UUID id, @RequestParam(required = false) String token, RedirectAttributes redirect) {
		if (token != null) {
			redirect.addAttribute("token", token);
		}
		return "redirect:/invitations/{id}";
	}

	@PostMapping("/invitations/{id}/accept")
	ModelAndView accept(@PathVariable UUID id, @RequestParam String token, HttpSession session,
			RedirectAttributes redirect) {
		try {
			Joined joined = api.post(Joined.class, Map.of("token", token), "/api/invitations/{id}/accept", id);
			people.changed(session);
			redirect.addFlashAttribute("notice", messages.getMessage("invitation.joined", new Object[] { joined.name() }));
			return new ModelAndView("redirect:/account/users");
		}
		catch (ApiProblem problem) {
			if (problem.isNotFound()) {
				return unknown(problem.detail());
			}
			InvitationDetails invitation = details(id, token);
			State state = switch (problem.status()) {
				case 410 -> switch (invitation.status()) {
					case REPLACED -> State.REPLACED;
					case WITHDRAWN -> State.WITHDRAWN;
					default -> State.EXPIRED;
				};
				case 403 -> State.WRONG_ADDRESS;
				default -> invitation.status() == InvitationDetails.Status.ACCEPTED ? State.ACCEPTED : State.REFUSED;
			};
			return page(invitation, token, state, problem.detail());
		}
	}

	/** The company joined, as the acceptance answers it. */
	record Joined(UUID id, String name) {
	}

	private InvitationDetails details(UUID id, String token) {
		return api.get(InvitationDetails.class, "/api/invitations/{id}?token={token}", id, token);
	}

	private static ModelAndView page(InvitationDetails invitation, String token, State state, String refusal) {
		ModelAndView page = new ModelAndView("invitation/invitation");
		page.addObject("invitation", invitation);
		page.addObject("token", token);
		page.addObject("state", state.name());
		page.addObject("refusal", refusal);
		return page;
	}

	private static ModelAndView unknown(String detail) {
		ModelAndView page = new ModelAndView("invitation/invitation", HttpStatus.NOT_FOUND);
		page.addObject("state", State.UNKNOWN.name());
		page.addObject("refusal", detail);
		return page;
	}

}
