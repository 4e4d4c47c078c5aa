package org.customerportal.notification.preference;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.customerportal.notification.NotificationProperties;
import org.customerportal.notification.NotificationProperties.PaymentInstructions;
import org.customerportal.notification.NotificationProperties.Unsubscribe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubscribeTokensTest {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private static UnsubscribeTokens tokens(String key, Instant now) {
		return tokens(key, now, null);
	}

	private static UnsubscribeTokens tokens(String key, Instant now, URI apiBaseUrl) {
		NotificationProperties properties = new NotificationProperties(URI.create("https://portal.example.com/"),
				"portal@example.com", "Customer Portal", null, null,
				new Unsubscribe(key, Duration.ofDays(30), null, apiBaseUrl), new PaymentInstructions("", ""));
		return new UnsubscribeTokens(properties, Clock.fixed(now, ZoneOffset.UTC));
	}

	private static final String KEY = "a-test-signing-key-of-at-least-32-characters";

	@Test
	void aTokenNamesItsRecipientAndScopeUntilItExpires() {
		String token = tokens(KEY, NOW).issue("Alice@Example.com", UnsubscribeScope.RENEWAL_REMINDERS);
		var verified = tokens(KEY, NOW.plus(Duration.ofDays(29))).verify(token);
		assertThat(verified).hasValueSatisfying(unsubscribe -> {
			assertThat(unsubscribe.recipient()).isEqualTo("alice@example.com");
			assertThat(unsubscribe.scope()).isEqualTo(UnsubscribeScope.RENEWAL_REMINDERS);
		});
		assertThat(tokens(KEY, NOW.plus(Duration.ofDays(30))).verify(token)).isEmpty();
	}

	@Test
	void anAlteredOrForeignTokenDoesNotVerify() {
		String token = tokens(KEY, NOW).issue("alice@example.com", UnsubscribeScope.NEWSLETTER);
		String[] parts = token.split("\\.");
		String otherScope = parts[0] + ".renewal-reminders." + parts[2] + "." + parts[3];
		String longerLife = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 1) + "." + parts[3];
		UnsubscribeTokens verifier = tokens(KEY, NOW);
		assertThat(verifier.verify(otherScope)).isEmpty();
		assertThat(verifier.verify(longerLife)).isEmpty();
		assertThat(verifier.verify(token + "x")).isEmpty();
		assertThat(verifier.verify("")).isEmpty();
		assertThat(tokens("another-deployment-key-of-32-characters-or-more", NOW).verify(token)).isEmpty();
		assertThat(verifier.verify(token)).isPresent();
	}

	@Test
	void theLinkPointsAtThePortal() {
		String link = tokens(KEY, NOW).link("alice@example.com", UnsubscribeScope.RENEWAL_REMINDERS);
		assertThat(link).startsWith("https://portal.example.com/api/unsubscribe?token=");
		assertThat(link.substring(link.indexOf('=') + 1)).matches("[A-Za-z0-9_.-]+");
	}

	@Test
	void theLinkPointsAtTheApiWhereItHasAnAddressOfItsOwn() {
		String link = tokens(KEY, NOW, URI.create("http://localhost:8080/")).link("alice@example.com",
				UnsubscribeScope.RENEWAL_REMINDERS);
		assertThat(link).startsWith("http://localhost:8080/api/unsubscribe?token=");
	}

}
