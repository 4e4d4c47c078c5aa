package org.customerportal.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads the caller from the security context, for code that is not a controller.
 */
public final class CurrentUsers {

	private CurrentUsers() {
	}

	public static Optional<CurrentUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return Optional.of(from(token.getToken()));
		}
		return Optional.empty();
	}

	/**
	 * The access token the current request carried, to call another service as the caller (never log it).
	 */
	public static Optional<String> accessToken() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return Optional.of(token.getToken().getTokenValue());
		}
		return Optional.empty();
	}

	/**
	 * The caller a token describes. Its {@code email} claim counts only when Keycloak says the person
	 * verified it ({@code email_verified}): anyone can sign up with someone else's address.
	 */
	public static CurrentUser from(Jwt jwt) {
		boolean verified = Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified"));
		String name = jwt.getClaimAsString("name");
		if (name == null) {
			name = jwt.getClaimAsString("preferred_username");
		}
		return new CurrentUser(jwt.getSubject(), verified ? jwt.getClaimAsString("email") : null, verified, name,
				realmRoles(jwt));
	}

	static Set<String> realmRoles(Jwt jwt) {
		Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
		if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
			return Set.of();
		}
		Set<String> result = new LinkedHashSet<>();
		for (Object role : roles) {
			if (role instanceof String name && !name.isBlank()) {
				result.add(name);
			}
		}
		return Set.copyOf(result);
	}

	static List<String> authorities(Jwt jwt) {
		return realmRoles(jwt).stream().map(role -> "ROLE_" + role).toList();
	}

}
