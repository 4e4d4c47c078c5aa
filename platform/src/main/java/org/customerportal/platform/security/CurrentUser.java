package org.customerportal.platform.security;

import java.util.Set;

/**
 * The caller of the current request, as its access token describes it. Declare it as a controller
 * method parameter to receive it.
 */
public record CurrentUser(String subject, String email, boolean emailVerified, String name, Set<String> roles) {

	public static final String SUPPORT = "support";

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	public boolean isSupport() {
		return hasRole(SUPPORT);
	}

}
