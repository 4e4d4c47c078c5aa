package org.customerportal.license.licenses;

import java.security.SecureRandom;

/**
 * Licence keys: 160 random bits from a cryptographic generator, written in Crockford's base32 as eight
 * groups of four characters (e.g. {@code 7QK3-M2XD-…}), so they cannot be guessed and are easy to type.
 */
public final class LicenseKeys {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final int RANDOM_BYTES = 20; // 160 bits = 32 base32 characters

	private static final SecureRandom RANDOM = new SecureRandom();

	private LicenseKeys() {
	}

	public static String next() {
		byte[] bytes = new byte[RANDOM_BYTES];
		RANDOM.nextBytes(bytes);
		StringBuilder key = new StringBuilder(39);
		int buffer = 0;
		int bits = 0;
		int written = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				if (written > 0 && written % 4 == 0) {
					key.append('-');
				}
				key.append(ALPHABET[(buffer >> (bits - 5)) & 0x1f]);
				bits -= 5;
				written++;
			}
		}
		return key.toString();
	}

}
