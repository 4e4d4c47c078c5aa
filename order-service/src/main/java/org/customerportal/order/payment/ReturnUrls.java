package org.customerportal.order.payment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.customerportal.platform.problem.InvalidFieldException;

import org.springframework.stereotype.Component;

/**
 * Where the payment provider's page sends the browser back to: only to the portal's own origins, so
 * that a payment link cannot be used to send customers elsewhere (no open redirect).
 */
@Component
class ReturnUrls {

	private final URI portalBaseUrl;

	private final Set<String> origins = new LinkedHashSet<>();

	ReturnUrls(PaymentProperties properties) {
		this.portalBaseUrl = properties.portalBaseUrl();
		origins.add(origin(properties.portalBaseUrl()));
		properties.returnUrlOrigins().forEach(allowed -> origins.add(origin(allowed)));
		if (origins.contains("")) {
			throw new IllegalArgumentException("portal.order.payments.portal-base-url and return-url-origins must be "
					+ "http or https addresses with a host");
		}
	}

	/**
	 * The address to return to: the one asked for, if it is on an allowed origin; the portal's page of
	 * the order if none is asked for.
	 * @throws InvalidFieldException naming {@code returnUrl} if it points anywhere else
	 */
	URI resolve(String returnUrl, UUID orderId) {
		if (returnUrl == null || returnUrl.isBlank()) {
			return URI.create(portalBaseUrl.toString().replaceAll("/+$", "") + "/orders/" + orderId);
		}
		try {
			URI uri = new URI(returnUrl);
			if (uri.isAbsolute() && uri.getHost() != null && uri.getRawUserInfo() == null
					&& origins.contains(origin(uri))) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// refused below
		}
		throw new InvalidFieldException("returnUrl",
				"must be an address of the customer portal, starting with " + String.join(" or ", origins));
	}

	/** The return address with {@code payment=<outcome>} added to its query, as the provider's page sends the browser back. */
	static URI withOutcome(URI returnUrl, String outcome) {
		String url = returnUrl.toString();
		int fragment = url.indexOf('#');
		String beforeFragment = fragment < 0 ? url : url.substring(0, fragment);
		String after = fragment < 0 ? "" : url.substring(fragment);
		return URI.create(beforeFragment + (beforeFragment.contains("?") ? "&" : "?") + "payment=" + outcome + after);
	}

	/** {@code scheme://host[:port]} in lower case, without a default port. */
	static String origin(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			return "";
		}
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		return scheme + "://" + host + (defaultPort ? "" : ":" + port);
	}

}
