package org.customerportal.platform.problem;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses query and path parameters that contain the NUL character (see {@link NulCharacters})
 * with a 400 naming the parameter, before the handler runs. The query string is read as it came,
 * so a form body is never consumed here.
 */
class NulParameterInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			variables.forEach((name, value) -> {
				if (value instanceof String text && NulCharacters.contain(text)) {
					throw new InvalidFieldException(String.valueOf(name), NulCharacters.REASON);
				}
			});
		}
		String query = request.getQueryString();
		if (query != null && (query.contains("%00") || query.contains("\u0000"))) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				String name = decode(equals < 0 ? pair : pair.substring(0, equals));
				String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
				if (NulCharacters.contain(name) || NulCharacters.contain(value)) {
					throw new InvalidFieldException(NulCharacters.contain(name) ? "query" : name, NulCharacters.REASON);
				}
			}
		}
		return true;
	}

	/** Decoded as Spring binds it; a malformed escape is left as it is, for the binding to refuse. */
	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
