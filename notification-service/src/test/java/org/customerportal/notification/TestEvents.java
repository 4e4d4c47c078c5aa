package org.customerportal.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.customerportal.platform.test.JsonSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes events as the producing services do (CloudEvents 1.0, structured JSON, keyed by the
 * aggregate id). Every sample is first checked against the producer's JSON Schema in the sibling
 * module, so these tests break if a producer changes the contract.
 */
public final class TestEvents {

	public static final String ACCOUNT = "portal.account.events";

	public static final String ORDER = "portal.order.events";

	public static final String LICENSE = "portal.license.events";

	private static final JsonMapper JSON = new JsonMapper();


	private final KafkaTemplate<String, byte[]> kafka;

	TestEvents(KafkaTemplate<String, byte[]> kafka) {
		this.kafka = kafka;
	}

	/** A published event: send it again to simulate a redelivery. */
	public record Published(String topic, String key, String id, String type, byte[] json) {
	}

	public record Contact(String userId, String email) {

		public static Contact random(String name) {
			String id = UUID.randomUUID().toString();
			return new Contact(id, name + "-" + id.substring(0, 8) + "@customer.example");
		}

		Map<String, Object> json() {
			return Map.of("userId", userId, "email", email);
		}

	}

	// account-service -------------------------------------------------------------------------------

	public Published memberJoined(UUID organizationId, Contact person, String name) {
		return publish(ACCOUNT, "portal.member.joined.v1", "account-service", organizationId.toString(),
				data("organizationId", organizationId, "userId", person.userId(), "email", person.email(), "name", name));
	}

	public Published userRemoved(String userId, UUID organizationId) {
		return publish(ACCOUNT, "portal.user.removed.v1", "account-service", userId,
				data("userId", userId, "organizationId", organizationId));
	}

	public Published invitationCreated(UUID invitationId, UUID organizationId, String email, String acceptUrl,
			Instant expiresAt) {
		return invitationResent(invitationId, organizationId, email, acceptUrl, expiresAt, null);
	}

	/** A resent invitation: a new one that replaces another (null: a first invitation). */
	public Published invitationResent(UUID invitationId, UUID organizationId, String email, String acceptUrl,
			Instant expiresAt, UUID replaces) {
		return publish(ACCOUNT, "portal.invitation.created.v1", "account-service", organizationId.toString(),
				data("invitationId", invitationId, "organizationId", organizationId, "organizationName", "Acme Corp",
						"email", email, "invitedByUserId", UUID.randomUUID().toString(), "invitedByName", "Ada Admin",
						"acceptUrl", acceptUrl, "expiresAt", expiresAt, "replacesInvitationId", replaces));
	}

	public Published invitationWithdrawn(UUID invitationId, UUID organizationId, String email) {
		return publish(ACCOUNT, "portal.invitation.withdrawn.v1", "account-service", organizationId.toString(),
				data("invitationId", invitationId, "organizationId", organizationId, "email", email,
						"withdrawnByUserId", UUID.randomUUID().toString()));
	}

	// order-service ---------------------------------------------------------------------------------

	public static Map<String, Object> line(String product, String productName, String licenseType, int quota,
			UUID licenseId, String amount) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("lineId", UUID.randomUUID());
		line.put("product", product);
		line.put("productName", productName);
		line.put("licenseType", licenseType);
		line.put("quota", quota);
		line.put("licenseId", licenseId);
		line.put("productVersion", 10);
		line.put("amount", money(amount));
		return line;
	}

	public static Map<String, Object> money(String amount) {
		return Map.of("amount", amount, "currency", "USD");
	}

	public Published orderPlaced(UUID orderId, UUID organizationId, String paymentMethod, List<Contact> contacts,
			List<Map<String, Object>> lines, String total) {
		return publish(ORDER, "portal.order.placed.v1", "order-service", orderId.toString(),
				data("orderId", orderId, "organizationId", organizationId, "type", "NEW_PURCHASE", "status",
						"PENDING_PAYMENT", "lines", lines, "total", money(total), "paymentMethod", paymentMethod,
						"contacts", contacts.stream().map(Contact::json).toList(), "placedBy", contacts.get(0).userId(),
						"placedAt", Instant.now()));
	}

	public Published orderPaid(UUID orderId, UUID organizationId, String paymentMethod, List<Contact> contacts,
			List<Map<String, Object>> lines, String total) {
		return publish(ORDER, "portal.order.paid.v1", "order-service", orderId.toString(),
				data("orderId", orderId, "organizationId", organizationId, "type", "NEW_PURCHASE", "lines", lines,
						"total", money(total), "paymentMethod", paymentMethod, "paymentId",
						UUID.randomUUID().toString(), "paidAt", Instant.now(), "contacts",
						contacts.stream().map(Contact::json).toList()));
	}

	public Published orderAwaitingPayment(UUID orderId, UUID organizationId, String paymentMethod,
			List<Contact> contacts, List<Map<String, Object>> lines, String total, Instant paymentDueBy) {
		return publish(ORDER, "portal.order.awaiting-payment.v1", "order-service", orderId.toString(),
				data("orderId", orderId, "organizationId", organizationId, "type", "NEW_PURCHASE", "status",
						"PENDING_PAYMENT", "lines", lines, "total", money(total), "paymentMethod", paymentMethod,
						"contacts", contacts.stream().map(Contact::json).toList(), "paymentDueBy", paymentDueBy));
	}

	public Published orderPaymentReminder(UUID orderId, UUID organizationId, String paymentMethod,
			List<Contact> contacts, String total, Instant paymentDueBy) {
		return publish(ORDER, "portal.order.payment-reminder.v1", "order-service", orderId.toString(),
				data("orderId", orderId, "organizationId", organizationId, "type", "NEW_PURCHASE", "total",
						money(total), "paymentMethod", paymentMethod, "contacts",
						contacts.stream().map(Contact::json).toList(), "paymentDueBy", paymentDueBy));
	}

	public Published contactAdded(UUID orderId, UUID organizationId, Contact contact) {
		return publish(ORDER, "portal.order.contact-added.v1", "order-service", orderId.toString(),
				data("orderId", orderId, "organizationId", organizationId, "userId", contact.userId(), "email",
						contact.email()));
	}

	public Published contactRemoved(UUID orderId, UUID organizationId, Contact contact) {
		return publish(ORDER, "portal.order.contact-removed.v1", "order-service", orderId.toString(),
				data("orderId", orderId, "organizationId", organizationId, "userId", contact.userId(), "email",
						contact.email()));
	}

	/** A sales quote of one discounted line, sent to these people (the first one the primary contact). */
	public Published quoteSent(UUID quoteId, UUID organizationId, String organizationName, List<Contact> recipients,
			LocalDate validUntil, String note) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("product", "DBR");
		line.put("productName", "Dynamic Barcode Reader");
		line.put("licenseType", "ANNUAL");
		line.put("quota", 2);
		line.put("listAmount", money("2498.00"));
		line.put("discount", money("249.80"));
		line.put("discountPercent", "10");
		line.put("amount", money("2248.20"));
		List<Map<String, Object>> people = new java.util.ArrayList<>();
		for (Contact recipient : recipients) {
			people.add(data("userId", recipient.userId(), "email", recipient.email(), "name", null, "primaryContact",
					people.isEmpty()));
		}
		return publish(ORDER, "portal.quote.sent.v1", "order-service", quoteId.toString(),
				data("quoteId", quoteId, "organizationId", organizationId, "organizationName", organizationName,
						"recipients", people, "lines", List.of(line), "total", money("2248.20"), "discount",
						money("249.80"), "validUntil", validUntil, "expiresAt",
						validUntil.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), "note", note,
						"sentBy", UUID.randomUUID().toString(), "sentByName", "Sally Sales"));
	}

	// license-service -------------------------------------------------------------------------------

	public Published licenseIssued(UUID licenseId, UUID orderId, UUID organizationId, String type,
			LocalDate validFrom, LocalDate endDate) {
		boolean perpetual = "PERPETUAL".equals(type);
		return publish(LICENSE, "portal.license.issued.v1", "license-service", licenseId.toString(),
				data("licenseId", licenseId, "orderId", orderId, "organizationId", organizationId, "product", "DBR",
						"type", type, "productVersion", 10, "quota", 1000, "validFrom", validFrom, "expiresAt",
						perpetual ? null : endDate, "maintenanceExpiresAt", perpetual ? endDate : null));
	}

	public Published licenseRenewed(UUID licenseId, UUID orderId, UUID organizationId, String type,
			LocalDate newEndDate) {
		boolean perpetual = "PERPETUAL".equals(type);
		return publish(LICENSE, "portal.license.renewed.v1", "license-service", licenseId.toString(),
				data("licenseId", licenseId, "orderId", orderId, "renewalOrderId", UUID.randomUUID(), "organizationId",
						organizationId, "type", type, "expiresAt", perpetual ? null : newEndDate,
						"maintenanceExpiresAt", perpetual ? newEndDate : null));
	}

	public Published licenseRevoked(UUID licenseId, UUID orderId, UUID organizationId, String type, String reason) {
		return publish(LICENSE, "portal.license.revoked.v1", "license-service", licenseId.toString(),
				data("licenseId", licenseId, "orderId", orderId, "organizationId", organizationId, "product", "DBR",
						"type", type, "reason", reason));
	}

	public Published licenseReinstated(UUID licenseId, UUID orderId, UUID organizationId, String type,
			LocalDate endDate) {
		boolean perpetual = "PERPETUAL".equals(type);
		return publish(LICENSE, "portal.license.reinstated.v1", "license-service", licenseId.toString(),
				data("licenseId", licenseId, "orderId", orderId, "organizationId", organizationId, "product", "DBR",
						"type", type, "status", "ACTIVE", "expiresAt", perpetual ? null : endDate,
						"maintenanceExpiresAt", perpetual ? endDate : null));
	}

	public Published trialStarted(UUID licenseId, UUID organizationId, LocalDate validFrom, LocalDate expiresAt) {
		return publish(LICENSE, "portal.trial.started.v1", "license-service", licenseId.toString(),
				data("licenseId", licenseId, "orderId", null, "organizationId", organizationId, "product", "DBR",
						"type", "TRIAL", "productVersion", 10, "quota", 100, "validFrom", validFrom, "expiresAt",
						expiresAt, "maintenanceExpiresAt", null, "startedBy", UUID.randomUUID().toString()));
	}

	// publishing ------------------------------------------------------------------------------------

	public Published publish(String topic, String type, String producer, String key, Map<String, Object> data) {
		String id = UUID.randomUUID().toString();
		Instant now = Instant.now();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("eventId", id);
		payload.put("occurredAt", now);
		payload.putAll(data);
		JsonNode dataNode = JSON.valueToTree(payload);
		JsonSchemas.assertValidForProducer(producer, type, dataNode);
		Map<String, Object> cloudEvent = new LinkedHashMap<>();
		cloudEvent.put("specversion", "1.0");
		cloudEvent.put("id", id);
		cloudEvent.put("type", type);
		cloudEvent.put("source", "/customer-portal/" + producer);
		cloudEvent.put("time", now);
		cloudEvent.put("subject", key);
		cloudEvent.put("datacontenttype", "application/json");
		cloudEvent.put("data", dataNode);
		byte[] json = JSON.writeValueAsString(cloudEvent).getBytes(StandardCharsets.UTF_8);
		Published published = new Published(topic, key, id, type, json);
		send(published);
		return published;
	}

	/** Sends the same message again, as a redelivery would. */
	public void send(Published published) {
		kafka.send(published.topic(), published.key(), published.json()).join();
	}

	private static Map<String, Object> data(Object... keysAndValues) {
		Map<String, Object> data = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			data.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return data;
	}

	static Duration patience() {
		return Duration.ofSeconds(20);
	}

}
