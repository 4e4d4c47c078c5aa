package org.customerportal.notification.reminder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;
import org.customerportal.notification.IntegrationTestSupport;
import org.customerportal.notification.TestEvents;
import org.customerportal.notification.TestEvents.Contact;
import org.customerportal.notification.TestEvents.Published;
import org.customerportal.notification.reminder.ReminderScan.ScanResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class RenewalReminderIntegrationTest extends IntegrationTestSupport {

	@Autowired
	ReminderScan reminderScan;

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	/** An order with these contacts and one annual licence from it that ends on the given day. */
	private record License(UUID id, UUID orderId, UUID organizationId, Published issued) {
	}

	private License licenseEnding(LocalDate endDate, String type, Contact... contacts) {
		TestEvents events = events();
		UUID organizationId = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		UUID licenseId = UUID.randomUUID();
		Published placed = events.orderPlaced(orderId, organizationId, "CREDIT_CARD", List.of(contacts),
				List.of(TestEvents.line("DBR", "Dynamic Barcode Reader", type, 1000, null, "1249.00")), "1249.00");
		Published issued = events.licenseIssued(licenseId, orderId, organizationId, type, today().minusYears(1),
				endDate);
		awaitApplied(placed, issued);
		return new License(licenseId, orderId, organizationId, issued);
	}

	@Test
	void aLicenseThirtyDaysFromItsEndRemindsEachCurrentContactOnce() throws Exception {
		Contact alice = Contact.random("alice");
		Contact bob = Contact.random("bob");
		Contact carol = Contact.random("carol");
		Contact dave = Contact.random("dave");
		TestEvents events = events();
		awaitApplied(events.memberJoined(UUID.randomUUID(), alice, "Alice Able"));
		License license = licenseEnding(today().plusDays(30), "ANNUAL", alice, bob, carol);
		// carol leaves the order's contacts, dave joins them, bob opts out of reminders
		awaitApplied(events.contactRemoved(license.orderId(), license.organizationId(), carol),
				events.contactAdded(license.orderId(), license.organizationId(), dave));
		mvc.perform(put("/api/notifications/preferences").header("Authorization", customerToken(bob.userId(), bob.email()))
			.contentType("application/json")
			.content("{\"renewalReminders\":false,\"newsletter\":false}")).andExpect(status().isOk());

		JsonNode result = scan();
		assertThat(result.path("mails").asInt()).isGreaterThanOrEqualTo(2);

		MimeMessage toAlice = awaitMails(alice.email(), 1).get(0);
		awaitMails(dave.email(), 1);
		assertThat(subject(toAlice)).isEqualTo("Your Dynamic Barcode Reader licence ends in 30 days ("
				+ ReminderText.date(today().plusDays(30)) + ")");
		assertThat(part(toAlice, "text/plain")).contains("Hello Alice Able,")
			.contains("https://portal.example.test/licenses/" + license.id());
		assertThat(part(toAlice, "text/html")).contains("Renew now");

		// the scan runs again and the licence event is delivered again: nothing new is sent
		scan();
		events.send(license.issued());
		// a later event for the same licence (same partition) is applied after the redelivered one
		awaitApplied(events.licenseRenewed(license.id(), license.orderId(), license.organizationId(), "ANNUAL",
				today().plusDays(30)));
		scan();
		assertThat(sentTo(alice.email())).hasSize(1);
		assertThat(sentTo(dave.email())).hasSize(1);
		assertThat(sentTo(bob.email())).isEmpty();
		assertThat(sentTo(carol.email())).isEmpty();
		assertThat(mailsTo(alice.email())).hasSize(1);
		assertThat(mailsTo(bob.email())).isEmpty();
		assertThat(mailsTo(carol.email())).isEmpty();
	}

	@Test
	void aRenewalStartsAFreshSeriesAndStopsTheOldOne() throws Exception {
		Contact alice = Contact.random("alice");
		LocalDate oldEnd = today().plusDays(30);
		LocalDate newEnd = oldEnd.plusYears(1);
		License license = licenseEnding(oldEnd, "PERPETUAL", alice);
		scan();
		MimeMessage first = awaitMails(alice.email(), 1).get(0);
		assertThat(subject(first)).startsWith("Maintenance for your Dynamic Barcode Reader licence ends in 30 days");

		awaitApplied(events().licenseRenewed(license.id(), license.orderId(), license.organizationId(), "PERPETUAL",
				newEnd));

		LocalDate start = today();
		// seven days before the old end: no reminder for it any more, the new series is not due yet
		moveClock(Duration.ofDays(ChronoUnit.DAYS.between(start, oldEnd.minusDays(7))));
		scan();
		assertThat(sentTo(alice.email())).hasSize(1);
		// sixty days before the new end: the first reminder of the new series
		moveClock(Duration.ofDays(ChronoUnit.DAYS.between(start, newEnd.minusDays(60))));
		scan();
		List<MimeMessage> mails = awaitMails(alice.email(), 2);
		assertThat(mails).hasSize(2);
		assertThat(subject(mails.get(1))).startsWith("Maintenance for your Dynamic Barcode Reader licence ends in 60 days")
			.contains(ReminderText.date(newEnd));
	}

	@Test
	void aReminderDueForTheOldDateIsNotSentAfterTheRenewal() throws Exception {
		Contact alice = Contact.random("alice");
		LocalDate oldEnd = today().plusDays(7);
		License license = licenseEnding(oldEnd, "ANNUAL", alice);
		// the 7-day reminder is due today, but the renewal arrives before the scan
		awaitApplied(events().licenseRenewed(license.id(), license.orderId(), license.organizationId(), "ANNUAL",
				oldEnd.plusYears(1)));
		scan();
		Contact marker = Contact.random("marker");
		licenseEnding(today().plusDays(7), "ANNUAL", marker);
		scan();
		awaitMails(marker.email(), 1);
		assertThat(sentTo(alice.email())).isEmpty();
		assertThat(mailsTo(alice.email())).isEmpty();
	}

	@Test
	void twoInstancesScanningAtOnceQueueEachReminderOnce() throws Exception {
		List<Contact> contacts = new ArrayList<>();
		List<Published> published = new ArrayList<>();
		TestEvents events = events();
		for (int i = 0; i < 20; i++) {
			Contact contact = Contact.random("parallel" + i);
			contacts.add(contact);
			UUID organizationId = UUID.randomUUID();
			UUID orderId = UUID.randomUUID();
			published.add(events.orderPlaced(orderId, organizationId, "PAYPAL", List.of(contact),
					List.of(TestEvents.line("DBR", "Dynamic Barcode Reader", "ANNUAL", 1000, null, "1249.00")),
					"1249.00"));
			published.add(events.licenseIssued(UUID.randomUUID(), orderId, organizationId, "ANNUAL",
					today().minusYears(1), today().plusDays(60)));
		}
		awaitApplied(published.toArray(Published[]::new));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<ScanResult>> scans = List.of(reminderScan::scan, reminderScan::scan, reminderScan::scan,
					reminderScan::scan);
			int mails = 0;
			for (Future<ScanResult> scanned : pool.invokeAll(scans)) {
				mails += scanned.get().mails();
			}
			assertThat(mails).isGreaterThanOrEqualTo(20);
		}
		finally {
			pool.shutdownNow();
		}
		for (Contact contact : contacts) {
			awaitMails(contact.email(), 1);
		}
		reminderScan.scan();
		for (Contact contact : contacts) {
			assertThat(sentTo(contact.email())).hasSize(1);
			assertThat(mailsTo(contact.email())).hasSize(1);
		}
	}

	/** Dates as the mails write them. */
	static final class ReminderText {

		static String date(LocalDate date) {
			return java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.ENGLISH).format(date);
		}

	}

}
