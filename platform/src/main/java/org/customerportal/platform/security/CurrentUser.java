package org.customerportal.platform.security;

import java.util.Set;

import org.customerportal.platform.problem.ForbiddenException;

/**
 * The caller of the current request, as its access token describes it. Declare it as a controller
 * method parameter to receive it.
 *
 * @param email the caller's e-mail address if Keycloak verified it, else {@code null}
 */
public record CurrentUser(String subject, String email, boolean emailVerified, String name, Set<String> roles) {

	public static final String SUPPORT = "support";

	/** The vendor's sales staff: they manage the catalogue, its prices and sales quotes. */
	public static final String SALES = "sales";

	/** The answer (403) where an address is needed and the caller has no verified one. */
	public static final String EMAIL_NOT_VERIFIED = "Verify your e-mail address first: open the link in the mail "
			+ "we sent when you signed up (or add an address to your profile), then sign in again.";

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	public boolean isSupport() {
		return hasRole(SUPPORT);
	}

	public boolean isSales() {
		return hasRole(SALES);
	}

	/** The caller's verified e-mail address; 403 with {@link #EMAIL_NOT_VERIFIED} if there is none. */
	public String verifiedEmail() {
		if (!emailVerified || email == null || email.isBlank()) {
			throw new ForbiddenException(EMAIL_NOT_VERIFIED);
		}
		return email.strip();
	}

}
