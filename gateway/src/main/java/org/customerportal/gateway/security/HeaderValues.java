package org.customerportal.gateway.security;

import org.jspecify.annotations.Nullable;

/**
 * The firewall's rules for header names and values, checked character by character: every code
 * point assigned, and no control character (in a value, horizontal tab is allowed).
 * <p>
 * The same rules as Spring Security's defaults ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for
 * names, {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} for values); their regular expressions
 * ran over every request and response header, the kilobyte-long bearer token among them.
 */
final class HeaderValues {

	private HeaderValues() {
	}

	static boolean allowed(@Nullable String value) {
		return value == null || assignedAndNotControl(value, true); // null: an absent header
	}

	static boolean allowedName(@Nullable String name) {
		return name == null || assignedAndNotControl(name, false);
	}

	private static boolean assignedAndNotControl(String text, boolean tabAllowed) {
		for (int i = 0; i < text.length();) {
			char c = text.charAt(i);
			if (c >= ' ' && c < 0x7f) { // printable ASCII, nearly every header character
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			if (!Character.isDefined(codePoint)
					|| (Character.isISOControl(codePoint) && !(tabAllowed && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
