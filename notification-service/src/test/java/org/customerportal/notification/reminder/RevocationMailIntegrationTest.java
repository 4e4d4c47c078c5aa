package org.customerportal.notification.reminder;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.customerportal.notification.IntegrationTestSupport;
import org.customerportal.notification.TestEvents;
import org.customerportal.notification.TestEvents.Contact;
import org.customerportal.notification.TestEvents.Published;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revoked licence's contacts are told why, once, and get no renewal reminder while it stays revoked;
 * reinstated, its reminders resume.
 */
class RevocationMailIntegrationTest extends IntegrationTestSupport {

	@Test
	void revocationMailsTheContactsAndStopsRemindersUntilReinstated() throws Exception {
		Contact alice = Contact.random("alice");
		Contact bob = Contact.random("bob");
		TestEvents events = events();
		LocalDate end = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(30);
		UUID organizationId = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		UUID licenseId = UUID.randomUUID();
		awaitApplied(
				events.orderPlaced(orderId, organizationId, "CREDIT_CARD", List.of(alice, bob),
						List.of(TestEvents.line("DBR", "Dynamic Barcode Reader", "ANNUAL", 1000, null, "1249.00")),
						"1249.00"),
				events.licenseIssued(licenseId, orderId, organizationId, "ANNUAL", end.minusYears(1), end));

		Published revoked = events.licenseRevoked(licenseId, orderId, organizationId, "ANNUAL",
				"The order's payment was charged back.");
		awaitApplied(revoked);
		MimeMessage toAlice = awaitMails(alice.email(), 1).get(0);
		awaitMails(bob.email(), 1);
		assertThat(subject(toAlice)).isEqualTo("Your Dynamic Barcode Reader licence has been revoked");
		assertThat(part(toAlice, "text/plain")).contains("Reason: The order's payment was charged back.")
			.contains("https://portal.example.test/licenses/" + licenseId);

		// the 30-day reminder is due today, but the licence is revoked; a redelivery changes nothing
		events.send(revoked);
		scan();
		assertThat(sentTo(alice.email())).hasSize(1);
		assertThat(sentTo(alice.email()).get(0).path("kind").asString()).isEqualTo("LICENSE_REVOKED");

		awaitApplied(events.licenseReinstated(licenseId, orderId, organizationId, "ANNUAL", end));
		scan();
		List<MimeMessage> mails = awaitMails(alice.email(), 2);
		assertThat(subject(mails.get(1))).startsWith("Your Dynamic Barcode Reader licence ends in 30 days");
		assertThat(mailsTo(alice.email())).hasSize(2);
	}

}
