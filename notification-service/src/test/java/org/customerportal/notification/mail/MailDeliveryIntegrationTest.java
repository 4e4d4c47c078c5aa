package org.customerportal.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.customerportal.notification.IntegrationTestSupport;
import org.customerportal.notification.TestEvents;
import org.customerportal.notification.TestEvents.Contact;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.json.JsonCompareMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MailDeliveryIntegrationTest extends IntegrationTestSupport {

	@Test
	void anInvitationIsMailedWithItsAcceptLinkInBothBodies() throws Exception {
		String invitee = "invitee-" + UUID.randomUUID() + "@customer.example";
		UUID invitationId = UUID.randomUUID();
		String acceptUrl = "https://portal.example.test/invitations/" + invitationId
				+ "?token=Zm9yLXRlc3RzLW9ubHktYS1zaW5nbGUtdXNlLXRva2VuLXZhbHVl";
		events().invitationCreated(invitationId, UUID.randomUUID(), invitee, acceptUrl,
				Instant.parse("2031-05-14T10:00:00Z"));

		MimeMessage mail = awaitMails(invitee, 1).get(0);
		assertThat(subject(mail)).isEqualTo("Ada Admin invited you to join Acme Corp on the Customer Portal");
		assertThat(mail.getFrom()[0].toString()).contains("portal@localhost");
		assertThat(part(mail, "text/plain")).contains(acceptUrl).contains("May 14, 2031");
		assertThat(part(mail, "text/html")).contains(acceptUrl.replace("&", "&amp;")).contains("Acme Corp");
		assertThat(header(mail, "List-Unsubscribe")).isNull();
	}

	@Test
	void anOrderToBePaidByWireTransferGetsPaymentInstructionsAndAReceiptOncePaid() throws Exception {
		Contact alice = Contact.random("alice");
		Contact bob = Contact.random("bob");
		UUID orderId = UUID.randomUUID();
		UUID organizationId = UUID.randomUUID();
		var lines = List.of(TestEvents.line("DBR", "Dynamic Barcode Reader", "ANNUAL", 1000, null, "1249.00"));
		TestEvents events = events();
		events.orderPlaced(orderId, organizationId, "WIRE_TRANSFER", List.of(alice, bob), lines, "1249.00");

		MimeMessage instructions = awaitMails(bob.email(), 1).get(0);
		awaitMails(alice.email(), 1);
		assertThat(subject(instructions)).isEqualTo("How to pay your order " + orderId + " by wire transfer");
		assertThat(part(instructions, "text/plain")).contains("1249.00 USD").contains("IBAN");

		events.orderPaid(orderId, organizationId, "WIRE_TRANSFER", List.of(alice, bob), lines, "1249.00");
		List<MimeMessage> toAlice = awaitMails(alice.email(), 2);
		assertThat(subject(toAlice.get(1))).isEqualTo("Receipt for your order " + orderId);
		assertThat(part(toAlice.get(1), "text/plain")).contains("Dynamic Barcode Reader").contains("Total: 1249.00 USD");
		awaitMails(bob.email(), 2);
	}

	@Test
	void anOrderPaidByCardGetsNoPaymentInstructions() throws Exception {
		Contact alice = Contact.random("alice");
		UUID orderId = UUID.randomUUID();
		UUID organizationId = UUID.randomUUID();
		var lines = List.of(TestEvents.line("DBR", "Dynamic Barcode Reader", "ANNUAL", 1000, null, "1249.00"));
		TestEvents events = events();
		awaitApplied(events.orderPlaced(orderId, organizationId, "CREDIT_CARD", List.of(alice), lines, "1249.00"));
		events.orderPaid(orderId, organizationId, "CREDIT_CARD", List.of(alice), lines, "1249.00");
		List<MimeMessage> mails = awaitMails(alice.email(), 1);
		assertThat(mails).extracting(IntegrationTestSupport::subject)
			.containsExactly("Receipt for your order " + orderId);
	}

	@Test
	void anOrderPlacedWithoutAPaymentMethodIsAppliedWithoutInstructions() throws Exception {
		Contact alice = Contact.random("alice");
		UUID orderId = UUID.randomUUID();
		UUID organizationId = UUID.randomUUID();
		var lines = List.of(TestEvents.line("DBR", "Dynamic Barcode Reader", "ANNUAL", 500, UUID.randomUUID(), "300.00"));
		TestEvents events = events();
		// a quota order or a renewal: the method is chosen when paying
		awaitApplied(events.orderPlaced(orderId, organizationId, null, List.of(alice), lines, "300.00"));
		events.orderPaid(orderId, organizationId, "WIRE_TRANSFER", List.of(alice), lines, "300.00");
		List<MimeMessage> mails = awaitMails(alice.email(), 1);
		assertThat(mails).extracting(IntegrationTestSupport::subject)
			.containsExactly("Receipt for your order " + orderId);
	}

	@Test
	void wireChosenAtThePaymentStepGetsTheInstructionsOnceAndAReminderBeforeTheOrderExpires() throws Exception {
		Contact alice = Contact.random("alice");
		UUID orderId = UUID.randomUUID();
		UUID organizationId = UUID.randomUUID();
		var lines = List.of(TestEvents.line("DBR", "Dynamic Barcode Reader", "ANNUAL", 1000, null, "1249.00"));
		Instant dueBy = Instant.parse("2031-06-30T09:00:00Z");
		TestEvents events = events();
		// placed to be paid by card: no instructions; then wire at the payment step, announced twice
		events.orderPlaced(orderId, organizationId, "CREDIT_CARD", List.of(alice), lines, "1249.00");
		events.orderAwaitingPayment(orderId, organizationId, "WIRE_TRANSFER", List.of(alice), lines, "1249.00", dueBy);
		awaitApplied(events.orderAwaitingPayment(orderId, organizationId, "WIRE_TRANSFER", List.of(alice), lines,
				"1249.00", dueBy));
		MimeMessage instructions = awaitMails(alice.email(), 1).get(0);
		assertThat(subject(instructions)).isEqualTo("How to pay your order " + orderId + " by wire transfer");
		assertThat(part(instructions, "text/plain")).contains("Unless the payment reaches us by June 30, 2031");

		awaitApplied(events.orderPaymentReminder(orderId, organizationId, "WIRE_TRANSFER", List.of(alice), "1249.00",
				dueBy));
		List<MimeMessage> mails = awaitMails(alice.email(), 2);
		assertThat(subject(mails.get(1)))
			.isEqualTo("Your order " + orderId + " is cancelled on June 30, 2031 (UTC) unless paid");
		assertThat(part(mails.get(1), "text/plain")).contains("1249.00 USD").contains("IBAN");
		assertThat(sentTo(alice.email()).valueStream().map(m -> m.path("kind").asString()))
			.containsExactlyInAnyOrder("PAYMENT_INSTRUCTIONS", "PAYMENT_REMINDER");
	}

	@Test
	void aWithdrawnOrReplacedInvitationStillQueuedIsNotSent() throws Exception {
		smtp.stop();
		String invitee = "withdrawn-" + UUID.randomUUID() + "@customer.example";
		UUID organizationId = UUID.randomUUID();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID third = UUID.randomUUID();
		Instant expires = Instant.now().plus(Duration.ofDays(14));
		TestEvents events = events();
		events.invitationCreated(first, organizationId, invitee, "https://portal.example.test/invitations/" + first
				+ "?token=Zmlyc3QtdG9rZW4tZm9yLXRlc3RzLW9ubHktYS1zaW5nbGUtdXNl", expires);
		// resent while the server is down: the first mail is void before it could go
		awaitApplied(events.invitationResent(second, organizationId, invitee, "https://portal.example.test/invitations/"
				+ second + "?token=c2Vjb25kLXRva2VuLWZvci10ZXN0cy1vbmx5LWEtc2luZ2xlLXVzZQ", expires, first));
		awaitApplied(events.invitationWithdrawn(second, organizationId, invitee));
		String lastUrl = "https://portal.example.test/invitations/" + third
				+ "?token=dGhpcmQtdG9rZW4tZm9yLXRlc3RzLW9ubHktYS1zaW5nbGUtdXNlLXg";
		awaitApplied(events.invitationCreated(third, organizationId, invitee, lastUrl, expires));
		assertThat(sentTo(invitee).valueStream().map(m -> m.path("status").asString()))
			.containsExactlyInAnyOrder("CANCELLED", "CANCELLED", "QUEUED");

		smtp.start();
		MimeMessage only = awaitMails(invitee, 1).get(0);
		assertThat(part(only, "text/plain")).contains(lastUrl);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(sentTo(invitee).valueStream().map(m -> m.path("status").asString()))
				.containsExactlyInAnyOrder("CANCELLED", "CANCELLED", "SENT"));
		assertThat(mailsTo(invitee)).hasSize(1);
	}

	@Test
	void mailWaitsOutAnSmtpOutageAndIsDeliveredOnce() throws Exception {
		smtp.stop();
		String invitee = "outage-" + UUID.randomUUID() + "@customer.example";
		UUID invitationId = UUID.randomUUID();
		events().invitationCreated(invitationId, UUID.randomUUID(), invitee,
				"https://portal.example.test/invitations/" + invitationId
						+ "?token=Zm9yLXRlc3RzLW9ubHktYS1zaW5nbGUtdXNlLXRva2VuLXZhbHVl",
				Instant.now().plus(Duration.ofDays(14)));

		// the server is down: the mail stays queued, with the failure recorded and a later attempt planned
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode log = sentTo(invitee);
			assertThat(log).hasSize(1);
			assertThat(log.get(0).path("status").asString()).isEqualTo("QUEUED");
			assertThat(log.get(0).path("attempts").asInt()).isGreaterThanOrEqualTo(2);
			assertThat(log.get(0).path("lastError").asString()).isNotBlank();
		});

		smtp.start();
		awaitMails(invitee, 1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode log = sentTo(invitee);
			assertThat(log.get(0).path("status").asString()).isEqualTo("SENT");
			assertThat(log.get(0).path("sentAt").isNull()).isFalse();
		});
		assertThat(mailsTo(invitee)).hasSize(1);
	}

	@Test
	void theSentMailLogTheScanAndTheTestClockAreForSupportOnly() throws Exception {
		String customer = customerToken(UUID.randomUUID().toString(), "someone@customer.example");
		mvc.perform(get("/api/notifications/sent").header("Authorization", customer)).andExpect(status().isForbidden());
		mvc.perform(post("/api/notifications/reminders/scan").header("Authorization", customer))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/notifications/test-clock").header("Authorization", customer)
			.contentType("application/json")
			.content("{\"offset\":\"P30D\"}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/notifications/sent")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/notifications/sent").param("size", "1000").header("Authorization", supportToken()))
			.andExpect(status().isBadRequest());
		// support reads it page by page, like every list
		mvc.perform(get("/api/notifications/sent").param("recipient", "nobody@customer.example")
			.param("size", "5")
			.header("Authorization", supportToken()))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"items\":[],\"page\":0,\"size\":5,\"totalItems\":0}", JsonCompareMode.STRICT));
	}

}
