package org.customerportal.order.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.customerportal.order.payment.PaymentProvider.InvalidNotificationException;

/**
 * Signed notifications the way Stripe signs its webhooks: a header
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>" with the secret>}. The simulated
 * provider signs its own notifications so, and tests sign Stripe's.
 */
final class SignedPayloads {

	private SignedPayloads() {
	}

	static String sign(String payload, String secret, Instant at) {
		long timestamp = at.getEpochSecond();
		return "t=" + timestamp + ",v1=" + hmac(timestamp + "." + payload, secret);
	}

	/**
	 * @throws InvalidNotificationException unless the header holds a valid signature of the payload made
	 * within the tolerance before (or after) now
	 */
	static void verify(String payload, String header, String secret, Instant now, Duration tolerance) {
		if (header == null || header.isBlank()) {
			throw new InvalidNotificationException("it carries no signature");
		}
		Long timestamp = null;
		String signature = null;
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length == 2 && pair[0].equals("t")) {
				try {
					timestamp = Long.parseLong(pair[1]);
				}
				catch (NumberFormatException ex) {
					throw new InvalidNotificationException("its signature's time is malformed");
				}
			}
			else if (pair.length == 2 && pair[0].equals("v1")) {
				signature = pair[1];
			}
		}
		if (timestamp == null || signature == null) {
			throw new InvalidNotificationException("its signature is malformed");
		}
		byte[] expected = hmac(timestamp + "." + payload, secret).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
			throw new InvalidNotificationException("its signature does not match");
		}
		if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(tolerance) > 0) {
			throw new InvalidNotificationException("it was signed more than " + tolerance.toMinutes()
					+ " minutes from now (a replay?)");
		}
	}

	private static String hmac(String content, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
