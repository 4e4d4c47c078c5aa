package org.customerportal.notification.preference;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.customerportal.notification.EmailAddresses;
import org.customerportal.notification.NotificationProperties;

import org.springframework.stereotype.Component;

/**
 * Signed unsubscribe tokens: {@code base64url(recipient).scope.expiry.base64url(HMAC-SHA256)}, the
 * MAC taken over the first three parts with the configured key. Nothing is stored: the token itself
 * says whose mail it stops, which mail, and until when it works. An altered token, one signed with
 * another key, or an expired one does not verify.
 */
@Component
public class UnsubscribeTokens {

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	private final NotificationProperties properties;

	private final Clock clock;

	UnsubscribeTokens(NotificationProperties properties, Clock clock) {
		this.key = new SecretKeySpec(properties.unsubscribe().signingKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.properties = properties;
		this.clock = clock;
	}

	/** What a valid token asks for. */
	public record Unsubscribe(String recipient, UnsubscribeScope scope, Instant expiresAt) {
	}

	public String issue(String recipient, UnsubscribeScope scope) {
		Instant expiresAt = clock.instant().plus(properties.unsubscribe().validity());
		String payload = ENCODER.encodeToString(EmailAddresses.normalize(recipient).getBytes(StandardCharsets.UTF_8)) + "."
				+ scope.code() + "." + expiresAt.getEpochSecond();
		return payload + "." + ENCODER.encodeToString(mac(payload));
	}

	/** The https link a reminder carries: GET shows a confirmation page, POST unsubscribes. */
	public String link(String recipient, UnsubscribeScope scope) {
		return properties.unsubscribeLink("/api/unsubscribe?token=" + issue(recipient, scope));
	}

	public Optional<Unsubscribe> verify(String token) {
		if (token == null || token.length() > 1024) {
			return Optional.empty();
		}
		int lastDot = token.lastIndexOf('.');
		if (lastDot < 0) {
			return Optional.empty();
		}
		String payload = token.substring(0, lastDot);
		byte[] signature;
		try {
			signature = DECODER.decode(token.substring(lastDot + 1));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (!MessageDigest.isEqual(mac(payload), signature)) {
			return Optional.empty();
		}
		String[] parts = payload.split("\\.", -1);
		if (parts.length != 3) {
			return Optional.empty();
		}
		try {
			String recipient = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
			Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
			if (!expiresAt.isAfter(clock.instant()) || recipient.isBlank()) {
				return Optional.empty();
			}
			return UnsubscribeScope.fromCode(parts[1]).map(scope -> new Unsubscribe(recipient, scope, expiresAt));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] mac(String payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
