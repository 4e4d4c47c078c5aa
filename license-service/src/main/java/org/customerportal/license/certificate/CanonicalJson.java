package org.customerportal.license.certificate;

import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON form of a flat object of strings, integers, booleans and nulls, as RFC 8785 (JCS)
 * writes it: members sorted by name, no white space, strings escaped minimally. The signature of a licence
 * certificate is over these bytes (UTF-8), so a product can rebuild them from the parsed payload.
 */
final class CanonicalJson {

	private CanonicalJson() {
	}

	static String write(Map<String, ?> object) {
		StringBuilder out = new StringBuilder(512).append('{');
		boolean first = true;
		for (Map.Entry<String, ?> member : new TreeMap<>(object).entrySet()) {
			if (!first) {
				out.append(',');
			}
			first = false;
			string(out, member.getKey());
			out.append(':');
			value(out, member.getValue());
		}
		return out.append('}').toString();
	}

	private static void value(StringBuilder out, Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof CharSequence || value instanceof Enum<?>) {
			string(out, value.toString());
		}
		else {
			throw new IllegalArgumentException("Not a canonical JSON scalar: " + value.getClass().getName());
		}
	}

	private static void string(StringBuilder out, String value) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
