package org.customerportal.notification.preference;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an unsubscribe link stops.
 */
public enum UnsubscribeScope {

	RENEWAL_REMINDERS("renewal-reminders", "renewal reminders for your licences"),

	NEWSLETTER("newsletter", "the newsletter");

	private final String code;

	private final String description;

	UnsubscribeScope(String code, String description) {
		this.code = code;
		this.description = description;
	}

	public String code() {
		return code;
	}

	/** What it stops, as the confirmation page says it. */
	public String description() {
		return description;
	}

	static Optional<UnsubscribeScope> fromCode(String code) {
		return Arrays.stream(values()).filter(scope -> scope.code.equals(code)).findFirst();
	}

}
