package org.customerportal.notification;

import java.util.Locale;

/** Shared by the feature packages, so that none of them depends on another just to compare addresses. */
public final class EmailAddresses {

	private EmailAddresses() {
	}

	/** Lower-case and trimmed: the form addresses are compared and stored in. */
	public static String normalize(String email) {
		return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
	}

}
