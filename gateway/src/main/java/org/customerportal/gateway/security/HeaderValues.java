package org.customerportal.gateway.security;

import org.jspecify.annotations.Nullable;

/**
 * The firewall's rule for header values, checked character by character: every code point
 * assigned, and no control character except horizontal tab.
 * <p>
 * The same rule as Spring Security's default ({@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*});
 * its regular expression walked the whole bearer token (over a kilobyte) on every request.
 */
final class HeaderValues {

	private HeaderValues() {
	}

	static boolean allowed(@Nullable String value) {
		if (value == null) {
			return true; // an absent header
		}
		for (int i = 0; i < value.length();) {
			char c = value.charAt(i);
			if (c >= ' ' && c < 0x7f) { // printable ASCII, nearly every header character
				i++;
				continue;
			}
			int codePoint = value.codePointAt(i);
			if (!Character.isDefined(codePoint) || (Character.isISOControl(codePoint) && codePoint != '\t')) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
