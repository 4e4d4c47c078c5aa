package org.customerportal.e2e.journeys;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Http;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.LocalSuite;
import org.customerportal.e2e.support.MailCatcher;
import org.customerportal.e2e.support.MailCatcher.Mail;
import org.customerportal.e2e.support.Reply;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.customerportal.e2e.support.Endpoints.EVENTUAL;
import static org.customerportal.e2e.support.Steps.awaitLicenses;
import static org.customerportal.e2e.support.Steps.buy;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.eventually;
import static org.customerportal.e2e.support.Steps.join;
import static org.customerportal.e2e.support.Steps.line;

/**
 * Journey 6: notification-service's clock is moved (support's test clock, enabled for these tests) so a
 * licence is 30 days from its end. The reminder reaches the order's contacts and not a contact who was
 * removed; the unsubscribe link of the mail, POSTed as a mail client's one-click unsubscribe does,
 * stops the next reminder (7 days before the end) for that address while the other contact gets it.
 */
@EndToEndTest
@Order(6)
class RenewalReminderJourneyTest {

	private static final String TEST_CLOCK = "/api/notifications/test-clock";

	private final User fay = Keycloak.customer("fay", "Fay", "Fischer");

	private final User gus = Keycloak.customer("gus", "Gus", "Garcia");

	private final User hal = Keycloak.customer("hal", "Hal", "Hughes");

	private final User support = Keycloak.support();

	@Test
	void remindersReachTheContactsUntilTheyUnsubscribe() {
		Reply clock = support.get(TEST_CLOCK);
		LocalSuite.require(clock.status() == 200, "notification-service runs without its test clock "
				+ "(PORTAL_TESTCLOCK_ENABLED=true); " + TEST_CLOCK + " answered " + clock.status());

		UUID organization = createOrganization(fay, "Fischer Freight");
		join(gus, organization, fay);
		join(hal, organization, fay);
		String orderId = buy(fay, organization, List.of(line("MRZ-SCANNER", "ANNUAL", 5))).path("id").asString();
		JsonNode license = awaitLicenses(fay, orderId, 1).get(0);
		String licenseId = license.path("id").asString();
		LocalDate end = LocalDate.parse(license.path("expiresAt").asString());
		String contacts = "/api/orders/" + orderId + "/contacts";
		eventually("Gus added as a contact", 201, () -> fay.post(contacts, Map.of("email", gus.email())));
		eventually("Hal added as a contact", 201, () -> fay.post(contacts, Map.of("email", hal.email())));
		fay.delete(contacts + "/" + hal.id()).expect(204);
		eventually("Gus sees the licence", 200, () -> gus.get("/api/licenses/" + licenseId));
		eventually("Hal no longer sees the licence", 404, () -> hal.get("/api/licenses/" + licenseId));

		try {
			moveClockTo(end.minusDays(30));
			Mail faysReminder = awaitReminder(fay, "ends in 30 days");
			Mail gussReminder = awaitReminder(gus, "ends in 30 days");
			assertThat(faysReminder.text()).contains(licenseId);
			assertThat(remindersSentTo(hal)).as("reminders queued for the removed contact").isZero();
			assertThat(MailCatcher.inbox(hal.email(), "licence ends")).isEmpty();

			URI unsubscribe = listUnsubscribe(gussReminder);
			assertThat(gussReminder.header("List-Unsubscribe-Post")).hasValue("List-Unsubscribe=One-Click");
			assertThat(gussReminder.text()).contains(unsubscribe.toString());
			assertThat(unsubscribe.toString()).startsWith("http://localhost:8080/api/unsubscribe?token=");
			// RFC 8058 one-click: the mail client POSTs to the link, without a token of any other kind
			Http.postForm(unsubscribe, Map.of("List-Unsubscribe", "One-Click")).expect(200);

			moveClockTo(end.minusDays(7));
			awaitReminder(fay, "ends in 7 days");
			assertThat(remindersSentTo(gus)).as("reminders for Gus after he unsubscribed").isEqualTo(1);
			assertThat(MailCatcher.inbox(gus.email(), "ends in 7 days")).isEmpty();
			assertThat(remindersSentTo(hal)).isZero();
		}
		finally {
			support.put(TEST_CLOCK, Map.of("offset", "PT0S")).expect(200);
		}
	}

	private void moveClockTo(LocalDate day) {
		long days = ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), day);
		JsonNode moved = support.put(TEST_CLOCK, Map.of("offset", "P" + days + "D")).expect(200).json();
		assertThat(moved.path("now").asString()).startsWith(day.toString());
	}

	/** Runs the reminder scan (support) until the person's reminder has arrived. */
	private Mail awaitReminder(User contact, String subject) {
		return await("the reminder '" + subject + "' to " + contact.email()).atMost(EVENTUAL)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				support.post("/api/notifications/reminders/scan", null).expect(200);
				return MailCatcher.inbox(contact.email(), subject);
			}, mails -> !mails.isEmpty())
			.get(0);
	}

	private long remindersSentTo(User person) {
		JsonNode log = support.get("/api/notifications/sent?size=100&recipient=" + Http.enc(person.email())).expect(200).json();
		return StreamSupport.stream(log.path("items").spliterator(), false)
			.filter(mail -> "RENEWAL_REMINDER".equals(mail.path("kind").asString()))
			.count();
	}

	private static URI listUnsubscribe(Mail mail) {
		String header = mail.header("List-Unsubscribe").orElseThrow(() -> new AssertionError("no List-Unsubscribe in " + mail));
		int start = header.indexOf("<http");
		return URI.create(header.substring(start + 1, header.indexOf('>', start)));
	}

}
