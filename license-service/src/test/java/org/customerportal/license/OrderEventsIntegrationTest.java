package org.customerportal.license;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Paid orders issue, renew and expand licences; the order's contacts, and only they, see them.
 */
class OrderEventsIntegrationTest extends LicenseIntegrationTest {

	@Test
	void paidNewPurchaseIssuesOneLicensePerLineVisibleOnlyToTheOrdersContacts() throws Exception {
		Person alice = customer("alice");
		Person bob = customer("bob");
		UUID organizationId = organizationOf(alice, bob);
		UUID orderId = UUID.randomUUID();
		Instant paidAt = Instant.now();
		publish(ORDER_EVENTS, orderId.toString(), "portal.order.placed.v1", Map.of("orderId", orderId.toString(),
				"organizationId", organizationId.toString(), "type", "NEW_PURCHASE", "status", "PENDING_PAYMENT",
				"lines", List.of(annual("BARCODE-READER", 5).toMap()), "total",
				Map.of("amount", "100.00", "currency", "USD"), "paymentMethod", "CREDIT_CARD", "contacts",
				List.of(Map.of("userId", alice.id(), "email", alice.email())), "placedBy", alice.id(), "placedAt",
				paidAt.toString()));
		publishPaid(paidOrder(orderId, organizationId, "NEW_PURCHASE", paidAt, List.of(alice),
				List.of(annual("BARCODE-READER", 5), perpetual("DOCUMENT-SCANNER", 2))));

		await().untilAsserted(() -> assertThat(
				json(call(get("/api/licenses").param("product", "BARCODE-READER"), alice), 200).path("totalItems").asLong())
			.isGreaterThanOrEqualTo(1));
		JsonNode mine = json(call(get("/api/licenses").param("size", "100"), alice), 200);
		List<JsonNode> ofOrder = mine.path("items").valueStream()
			.filter(item -> orderId.toString().equals(item.path("orderId").asString()))
			.toList();
		assertThat(ofOrder).hasSize(2);
		LocalDate paidOn = LocalDate.ofInstant(paidAt, ZoneOffset.UTC);
		JsonNode annual = ofOrder.stream().filter(l -> l.path("type").asString().equals("ANNUAL")).findFirst().orElseThrow();
		assertThat(annual.path("product").asString()).isEqualTo("BARCODE-READER");
		assertThat(annual.path("quota").asInt()).isEqualTo(5);
		assertThat(annual.path("quotaUsed").asInt()).isZero();
		assertThat(annual.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(date(annual.path("validFrom"))).isEqualTo(paidOn);
		assertThat(date(annual.path("expiresAt"))).isEqualTo(paidOn.plusYears(1));
		assertThat(annual.path("maintenanceExpiresAt").isNull()).isTrue();
		assertThat(annual.path("key").asString()).matches("([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}");
		JsonNode perpetual = ofOrder.stream().filter(l -> l.path("type").asString().equals("PERPETUAL")).findFirst().orElseThrow();
		assertThat(perpetual.path("expiresAt").isNull()).isTrue();
		assertThat(date(perpetual.path("maintenanceExpiresAt"))).isEqualTo(paidOn.plusYears(1));

		String licenseId = annual.path("id").asString();
		assertThat(json(call(get("/api/licenses/" + licenseId), alice), 200).path("key").asString())
			.isEqualTo(annual.path("key").asString());
		// Bob belongs to the organisation but is not a contact of the order
		assertThat(problem(call(get("/api/licenses/" + licenseId), bob), 404).path("detail").asString())
			.contains("ask a contact of its order to add you");
		assertThat(json(call(get("/api/licenses"), bob), 200).path("items").valueStream()
			.noneMatch(item -> licenseId.equals(item.path("id").asString()))).isTrue();
		json(call(get("/api/licenses/" + licenseId), support()), 200);

		TopicReader.Message issued = awaitLicenseEvent("portal.license.issued.v1", licenseId);
		assertThat(issued.data().path("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(issued.data().path("organizationId").asString()).isEqualTo(organizationId.toString());
		assertThat(issued.data().path("quota").asInt()).isEqualTo(5);
		assertThat(issued.data().path("productVersion").asInt()).isEqualTo(10);
		assertThat(issued.data().path("expiresAt").asString()).isEqualTo(paidOn.plusYears(1).toString());
		assertThat(issued.data().has("key")).as("the key is not broadcast").isFalse();
		awaitLicenseEvent("portal.license.issued.v1", perpetual.path("id").asString());
	}

	@Test
	void addingAndRemovingAContactGrantsAndRevokesAccessAsSoonAsTheEventIsConsumed() throws Exception {
		Person alice = customer("alice");
		Person bob = customer("bob");
		UUID organizationId = organizationOf(alice, bob);
		JsonNode license = buy(organizationId, Instant.now(), annual("BARCODE-READER", 1), alice);
		String path = "/api/licenses/" + license.path("id").asString();
		UUID orderId = UUID.fromString(license.path("orderId").asString());
		problem(call(get(path), bob), 404);

		publish(ORDER_EVENTS, orderId.toString(), "portal.order.contact-added.v1", Map.of("orderId",
				orderId.toString(), "organizationId", organizationId.toString(), "userId", bob.id(), "email", bob.email()));
		await().untilAsserted(() -> json(call(get(path), bob), 200));

		publish(ORDER_EVENTS, orderId.toString(), "portal.order.contact-removed.v1", Map.of("orderId",
				orderId.toString(), "organizationId", organizationId.toString(), "userId", bob.id(), "email", bob.email()));
		await().untilAsserted(() -> problem(call(get(path), bob), 404));
		assertThat(json(call(get("/api/licenses"), bob), 200).path("totalItems").asLong()).isZero();
		json(call(get(path), alice), 200);
	}

	@Test
	void aRemovedAccountLosesEveryLicenseAndALateEventDoesNotBringItBack() throws Exception {
		Person alice = customer("alice");
		Person bob = customer("bob");
		UUID organizationId = organizationOf(alice, bob);
		JsonNode license = buy(organizationId, Instant.now(), annual("MRZ-SCANNER", 1), alice, bob);
		String path = "/api/licenses/" + license.path("id").asString();
		json(call(get(path), bob), 200);

		Map<String, Object> removed = new java.util.HashMap<>();
		removed.put("userId", bob.id());
		removed.put("organizationId", organizationId.toString());
		publish(ACCOUNT_EVENTS, bob.id(), "portal.user.removed.v1", removed);
		await().untilAsserted(() -> problem(call(get(path), bob), 404));

		UUID orderId = UUID.fromString(license.path("orderId").asString());
		publish(ORDER_EVENTS, orderId.toString(), "portal.order.contact-added.v1", Map.of("orderId",
				orderId.toString(), "organizationId", organizationId.toString(), "userId", bob.id(), "email", bob.email()));
		Person carol = customer("carol");
		publish(ORDER_EVENTS, orderId.toString(), "portal.order.contact-added.v1", Map.of("orderId",
				orderId.toString(), "organizationId", organizationId.toString(), "userId", carol.id(), "email",
				carol.email()));
		// the later event for Carol has been applied, so the one for Bob before it was too
		await().untilAsserted(() -> json(call(get(path), carol), 200));
		json(call(get(path), alice), 200);
		problem(call(get(path), bob), 404);
	}

	@Test
	void renewalExtendsFromTheLaterOfTheCurrentEndAndThePaymentDate() throws Exception {
		Person alice = customer("alice");
		UUID organizationId = organizationOf(alice);
		Instant now = Instant.now();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		// bought ten months ago: renewing early keeps the two months left
		JsonNode early = buy(organizationId, now.minus(300, ChronoUnit.DAYS), annual("BARCODE-READER", 3), alice);
		// bought two years ago: lapsed, so the new year starts today
		JsonNode lapsed = buy(organizationId, now.minus(730, ChronoUnit.DAYS), annual("BARCODE-READER", 3), alice);
		// perpetual bought two years ago: maintenance lapsed a year ago
		JsonNode perpetual = buy(organizationId, now.minus(730, ChronoUnit.DAYS), perpetual("DOCUMENT-SCANNER", 1),
				alice);
		assertThat(lapsed.path("status").asString()).isEqualTo("EXPIRED");

		UUID renewalOrderId = UUID.randomUUID();
		publishPaid(paidOrder(renewalOrderId, organizationId, "RENEWAL", now, List.of(alice),
				List.of(renewalOf(early, "ANNUAL"), renewalOf(lapsed, "ANNUAL"), renewalOf(perpetual, "PERPETUAL"))));

		String earlyPath = "/api/licenses/" + early.path("id").asString();
		LocalDate earlyEnd = date(early.path("expiresAt"));
		await().untilAsserted(() -> assertThat(date(json(call(get(earlyPath), alice), 200).path("expiresAt")))
			.isEqualTo(earlyEnd.plusYears(1)));
		JsonNode renewedLapsed = json(call(get("/api/licenses/" + lapsed.path("id").asString()), alice), 200);
		assertThat(date(renewedLapsed.path("expiresAt"))).isEqualTo(today.plusYears(1));
		assertThat(renewedLapsed.path("status").asString()).isEqualTo("ACTIVE");
		JsonNode renewedPerpetual = json(call(get("/api/licenses/" + perpetual.path("id").asString()), alice), 200);
		assertThat(date(renewedPerpetual.path("maintenanceExpiresAt"))).isEqualTo(today.plusYears(1));
		assertThat(renewedPerpetual.path("expiresAt").isNull()).isTrue();

		TopicReader.Message renewed = awaitLicenseEvent("portal.license.renewed.v1", early.path("id").asString());
		assertThat(renewed.data().path("renewalOrderId").asString()).isEqualTo(renewalOrderId.toString());
		assertThat(renewed.data().path("orderId").asString()).isEqualTo(early.path("orderId").asString());
		assertThat(renewed.data().path("expiresAt").asString()).isEqualTo(earlyEnd.plusYears(1).toString());
		TopicReader.Message maintenance = awaitLicenseEvent("portal.license.renewed.v1",
				perpetual.path("id").asString());
		assertThat(maintenance.data().path("maintenanceExpiresAt").asString())
			.isEqualTo(today.plusYears(1).toString());
	}

	@Test
	void quotaExpansionAddsQuotaAndADuplicateDeliveryIsAppliedOnce() throws Exception {
		Person alice = customer("alice");
		UUID organizationId = organizationOf(alice);
		JsonNode license = buy(organizationId, Instant.now(), annual("LABEL-RECOGNIZER", 3), alice);
		String licenseId = license.path("id").asString();

		UUID expansionOrderId = UUID.randomUUID();
		Map<String, Object> expansion = paidOrder(expansionOrderId, organizationId, "QUOTA_EXPANSION", Instant.now(),
				List.of(alice), List.of(new Line("LABEL-RECOGNIZER", "ANNUAL", 4, UUID.fromString(licenseId), 3)));
		String eventId = publishPaid(expansion);
		// delivered again, under the same event id, and once more as a re-sent order under a new event id
		Map<String, Object> again = new java.util.HashMap<>(expansion);
		again.put("eventId", eventId);
		publishPaid(again);
		Map<String, Object> resent = new java.util.HashMap<>(expansion);
		resent.remove("eventId");
		publishPaid(resent);
		// a later order's effect shows that the repeats before it were consumed
		JsonNode marker = buy(organizationId, Instant.now(), annual("LABEL-RECOGNIZER", 1), alice);
		assertThat(marker).isNotNull();

		JsonNode expanded = json(call(get("/api/licenses/" + licenseId), alice), 200);
		assertThat(expanded.path("quota").asInt()).isEqualTo(7);
		TopicReader.Message increased = awaitLicenseEvent("portal.license.quota-increased.v1", licenseId);
		assertThat(increased.data().path("added").asInt()).isEqualTo(4);
		assertThat(increased.data().path("quota").asInt()).isEqualTo(7);
		assertThat(increased.data().path("expansionOrderId").asString()).isEqualTo(expansionOrderId.toString());
		assertThat(licenseEvents("portal.license.quota-increased.v1", licenseId)).hasSize(1);
	}

	@Test
	void upcomingRenewalsListAnnualEndsAndPerpetualMaintenanceEndsWithinTheWindow() throws Exception {
		Person alice = customer("alice");
		UUID organizationId = organizationOf(alice);
		Instant now = Instant.now();
		JsonNode soon = buy(organizationId, now.minus(320, ChronoUnit.DAYS), annual("BARCODE-READER", 1), alice);
		JsonNode maintenanceSoon = buy(organizationId, now.minus(350, ChronoUnit.DAYS),
				perpetual("DOCUMENT-SCANNER", 1), alice);
		JsonNode later = buy(organizationId, now.minus(10, ChronoUnit.DAYS), annual("BARCODE-READER", 1), alice);

		JsonNode upcoming = json(call(get("/api/licenses/upcoming-renewals").param("withinDays", "90"), alice), 200);
		List<String> ids = upcoming.path("items").valueStream().map(i -> i.path("id").asString()).toList();
		assertThat(ids).containsExactly(maintenanceSoon.path("id").asString(), soon.path("id").asString());
		assertThat(ids).doesNotContain(later.path("id").asString());
		assertThat(upcoming.path("totalItems").asLong()).isEqualTo(2);

		// each item is the licence as every licence list shows it, plus what renewing extends and when that ends
		JsonNode maintenanceItem = upcoming.path("items").get(0);
		JsonNode licenseItem = upcoming.path("items").get(1);
		JsonNode listed = json(call(get("/api/licenses").param("size", "100"), alice), 200).path("items")
			.valueStream()
			.filter(l -> l.path("id").asString().equals(soon.path("id").asString()))
			.findFirst()
			.orElseThrow();
		for (String field : listed.propertyNames()) {
			assertThat(licenseItem.get(field)).as(field).isEqualTo(listed.get(field));
		}
		assertThat(licenseItem.has("license")).as("no nested licence").isFalse();
		assertThat(licenseItem.path("renews").asString()).isEqualTo("LICENSE");
		assertThat(licenseItem.path("endsOn").asString()).isEqualTo(soon.path("expiresAt").asString());
		assertThat(maintenanceItem.path("renews").asString()).isEqualTo("MAINTENANCE");
		assertThat(maintenanceItem.path("type").asString()).isEqualTo("PERPETUAL");
		assertThat(maintenanceItem.path("endsOn").asString())
			.isEqualTo(maintenanceSoon.path("maintenanceExpiresAt").asString());
		problem(call(get("/api/licenses/upcoming-renewals").param("withinDays", "0"), alice), 400);

		// and the API document tells client generators the same flat shape
		JsonNode schema = json(call(get("/v3/api-docs"), null), 200).path("components")
			.path("schemas")
			.path("UpcomingRenewalResponse")
			.path("properties");
		assertThat(schema.propertyNames()).contains("id", "key", "product", "type", "status", "expiresAt", "renews",
				"endsOn")
			.doesNotContain("license");
	}

	private static Line renewalOf(JsonNode license, String type) {
		return new Line(license.path("product").asString(), type, license.path("quota").asInt(),
				UUID.fromString(license.path("id").asString()), license.path("productVersion").asInt());
	}

}
