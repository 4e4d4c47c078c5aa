package org.customerportal.gateway.security;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads the bearer token of the {@code Authorization} header as Spring Security's
 * {@code ServerBearerTokenAuthenticationConverter} does (scheme case-insensitive, RFC 6750
 * {@code b64token} syntax, no token in the query string), checking the characters in one pass
 * instead of with a case-insensitive regular expression over the whole kilobyte-long token on
 * every request.
 */
final class BearerTokenConverter implements ServerAuthenticationConverter {

	private static final String SCHEME = "bearer";

	/** The token characters of RFC 6750 but the trailing "=": a table, as the token is long. */
	private static final boolean[] TOKEN_CHARACTERS = new boolean[128];

	static {
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~+/".chars()
			.forEach(c -> TOKEN_CHARACTERS[c] = true);
	}

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		return Mono.fromCallable(() -> token(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION)))
			.map(BearerTokenAuthenticationToken::new);
	}

	/** The token, or null when the header is absent or of another scheme; malformed: refused. */
	static @Nullable String token(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return null;
		}
		int start = SCHEME.length() + 1;
		if (authorization.length() <= start || authorization.charAt(SCHEME.length()) != ' '
				|| !isB64Token(authorization, start)) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
		}
		return authorization.substring(start);
	}

	/** {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="} from {@code start} to the end. */
	private static boolean isB64Token(String value, int start) {
		int length = value.length();
		int i = start;
		while (i < length) {
			char c = value.charAt(i);
			if (c >= TOKEN_CHARACTERS.length || !TOKEN_CHARACTERS[c]) {
				break;
			}
			i++;
		}
		if (i == start) {
			return false;
		}
		while (i < length && value.charAt(i) == '=') {
			i++;
		}
		return i == length;
	}

}
