package org.customerportal.account.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret of an invitation link: 256 random bits, URL-safe. Only its SHA-256 hash is stored, so a
 * copy of the database does not let anyone accept an invitation.
 */
record InvitationToken(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	static InvitationToken generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new InvitationToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	byte[] hash() {
		return hash(value);
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	@Override
	public String toString() {
		return "InvitationToken[redacted]";
	}

}
