package org.customerportal.order;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Renew Now / Renew Selected and Add Quota, for licences license-service has issued (its
 * {@code license.issued} events on the topic) from orders the caller is a contact of.
 */
class RenewalIntegrationTest extends OrderIntegrationTestSupport {

	@Test
	void renewingTwoLicensesIsOneOrderPricedByLicenseType() throws Exception {
		Person buyer = newOrganization();
		JsonNode purchase = paidOrder(buyer, """
				[{"product":"BARCODE-READER","licenseType":"ANNUAL","quota":2},
				 {"product":"DOCUMENT-SCANNER","licenseType":"PERPETUAL","quota":3}]""");
		UUID annual = licenseIssued(id(purchase), buyer.organizationId(), "BARCODE-READER", LicenseType.ANNUAL, 2, 10);
		UUID perpetual = licenseIssued(id(purchase), buyer.organizationId(), "DOCUMENT-SCANNER", LicenseType.PERPETUAL,
				3, 17);

		JsonNode renewal = json(mvc.perform(renew(buyer, annual, perpetual)).andExpect(status().isCreated()).andReturn());

		assertThat(renewal.get("type").asString()).isEqualTo("RENEWAL");
		assertThat(renewal.get("status").asString()).isEqualTo("PENDING_PAYMENT");
		assertThat(renewal.get("lines")).hasSize(2);
		// annual: a year's licence for its quota, 2 x 1249.00
		assertThat(renewal.at("/lines/0/licenseId").asString()).isEqualTo(annual.toString());
		assertThat(renewal.at("/lines/0/quota").asInt()).isEqualTo(2);
		assertThat(renewal.at("/lines/0/productVersion").asInt()).isEqualTo(10);
		assertThat(renewal.at("/lines/0/amount/amount").asString()).isEqualTo("2498.00");
		// perpetual: a year's maintenance for its quota, 3 x 1599.80
		assertThat(renewal.at("/lines/1/licenseId").asString()).isEqualTo(perpetual.toString());
		assertThat(renewal.at("/lines/1/licenseType").asString()).isEqualTo("PERPETUAL");
		assertThat(renewal.at("/lines/1/productVersion").asInt()).isEqualTo(17);
		assertThat(renewal.at("/lines/1/amount/amount").asString()).isEqualTo("4799.40");
		assertThat(renewal.at("/total/amount").asString()).isEqualTo("7297.40");

		String renewalId = renewal.get("id").asString();
		JsonNode paypal = json(mvc.perform(pay(renewalId, buyer, "{\"method\":\"PAYPAL\"}"))
			.andExpect(status().isCreated())
			.andReturn());
		onTestPaymentPage(paypal, "succeeded");
		JsonNode paid = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.paid.v1", renewalId));
		assertThat(paid.get("type").asString()).isEqualTo("RENEWAL");
		assertThat(paid.at("/lines/0/licenseId").asString()).isEqualTo(annual.toString());
		assertThat(paid.at("/lines/1/licenseId").asString()).isEqualTo(perpetual.toString());
		assertThat(paid.at("/total/amount").asString()).isEqualTo("7297.40");
	}

	@Test
	void onlyContactsOfEachLicensesOrderCanRenewIt() throws Exception {
		Person buyer = newOrganization();
		Person colleague = newMember(buyer.organizationId());
		JsonNode purchase = paidOrder(buyer, "[{\"product\":\"MRZ-SCANNER\",\"licenseType\":\"ANNUAL\",\"quota\":5}]");
		UUID license = licenseIssued(id(purchase), buyer.organizationId(), "MRZ-SCANNER", LicenseType.ANNUAL, 5, 3);
		JsonNode colleaguesPurchase = paidOrder(colleague,
				"[{\"product\":\"MRZ-SCANNER\",\"licenseType\":\"ANNUAL\",\"quota\":1}]");
		UUID colleaguesLicense = licenseIssued(id(colleaguesPurchase), buyer.organizationId(), "MRZ-SCANNER",
				LicenseType.ANNUAL, 1, 3);
		Person outsider = newOrganization();

		mvc.perform(renew(colleague, license)).andExpect(status().isNotFound());
		mvc.perform(renew(outsider, license)).andExpect(status().isNotFound());
		mvc.perform(renew(buyer, UUID.randomUUID())).andExpect(status().isNotFound());
		// one licence the caller may not renew spoils the whole selection
		mvc.perform(renew(buyer, license, colleaguesLicense)).andExpect(status().isNotFound());
		mvc.perform(quotaOrder(colleague, license, 1)).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from orders where organization_id = ? and type <> 'NEW_PURCHASE'")
			.param(buyer.organizationId())
			.query(Long.class)
			.single()).isZero();

		mvc.perform(renew(buyer, license, license)).andExpect(status().isCreated()).andExpect(jsonPath("$.lines.length()").value(1));
		mvc.perform(post("/api/renewals").header("Authorization", buyer.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"licenseIds\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("licenseIds"));
	}

	@Test
	void addingQuotaCostsTheUnitPriceOfTheLicenseTypeAndLaterPricesFollowTheLicense() throws Exception {
		Person buyer = newOrganization();
		JsonNode purchase = paidOrder(buyer, "[{\"product\":\"LABEL-RECOGNIZER\",\"licenseType\":\"PERPETUAL\",\"quota\":2}]");
		UUID license = licenseIssued(id(purchase), buyer.organizationId(), "LABEL-RECOGNIZER", LicenseType.PERPETUAL, 2,
				3);

		JsonNode expansion = json(mvc.perform(quotaOrder(buyer, license, 5)).andExpect(status().isCreated()).andReturn());
		assertThat(expansion.get("type").asString()).isEqualTo("QUOTA_EXPANSION");
		assertThat(expansion.at("/lines/0/licenseId").asString()).isEqualTo(license.toString());
		assertThat(expansion.at("/lines/0/quota").asInt()).isEqualTo(5);
		assertThat(expansion.at("/lines/0/unitPrice/amount").asString()).isEqualTo("1799.00");
		assertThat(expansion.at("/total/amount").asString()).isEqualTo("8995.00");
		assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.placed.v1", expansion.get("id").asString()));

		mvc.perform(quotaOrder(buyer, license, 0))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("additionalQuota"));
		mvc.perform(quotaOrder(buyer, license, -2)).andExpect(status().isBadRequest());

		// license-service reports the expansion and an upgrade: a renewal prices 7 units of the new version
		Map<String, Object> increased = Map.of("licenseId", license.toString(), "orderId", id(purchase).toString(),
				"expansionOrderId", expansion.get("id").asString(), "organizationId", buyer.organizationId().toString(),
				"added", 5, "quota", 7);
		Map<String, Object> upgraded = Map.of("licenseId", license.toString(), "orderId", id(purchase).toString(),
				"organizationId", buyer.organizationId().toString(), "product", "LABEL-RECOGNIZER", "fromVersion", 3,
				"toVersion", 4);
		awaitApplied(
				publish("portal.license.events", "license-service", "portal.license.quota-increased.v1",
						license.toString(), increased),
				publish("portal.license.events", "license-service", "portal.license.upgraded.v1", license.toString(),
						upgraded));
		mvc.perform(renew(buyer, license))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.lines[0].quota").value(7))
			.andExpect(jsonPath("$.lines[0].productVersion").value(4))
			.andExpect(jsonPath("$.total.amount").value("2518.60"));
	}

	@Test
	void anExpiredAnnualLicenseIsRenewedBeforeQuotaIsAdded() throws Exception {
		Person buyer = newOrganization();
		JsonNode purchase = paidOrder(buyer, "[{\"product\":\"MRZ-SCANNER\",\"licenseType\":\"ANNUAL\",\"quota\":5}]");
		UUID license = licenseIssued(id(purchase), buyer.organizationId(), "MRZ-SCANNER", LicenseType.ANNUAL, 5, 3);
		awaitApplied(publish("portal.license.events", "license-service", "portal.license.expired.v1",
				license.toString(), Map.of("licenseId", license.toString(), "orderId", id(purchase).toString(),
						"organizationId", buyer.organizationId().toString(), "type", "ANNUAL", "expiredOn",
						LocalDate.now(clock).toString())));

		mvc.perform(quotaOrder(buyer, license, 1))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.endsWith("Renew it before adding quota.")));
		JsonNode renewal = json(mvc.perform(renew(buyer, license))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.total.amount").value("245.00"))
			.andReturn());

		// once license-service has renewed it, quota can be added again
		Map<String, Object> renewed = new java.util.HashMap<>(Map.of("licenseId", license.toString(), "orderId",
				id(purchase).toString(), "renewalOrderId", renewal.get("id").asString(), "organizationId",
				buyer.organizationId().toString(), "type", "ANNUAL", "expiresAt",
				LocalDate.now(clock).plusYears(1).toString()));
		renewed.put("maintenanceExpiresAt", null);
		awaitApplied(publish("portal.license.events", "license-service", "portal.license.renewed.v1",
				license.toString(), renewed));
		mvc.perform(quotaOrder(buyer, license, 1))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.total.amount").value("49.00"));
	}

	@Test
	void aRevokedLicenseIsNeitherRenewedNorGivenQuotaUntilReinstated() throws Exception {
		Person buyer = newOrganization();
		JsonNode purchase = paidOrder(buyer, "[{\"product\":\"MRZ-SCANNER\",\"licenseType\":\"ANNUAL\",\"quota\":5}]");
		UUID license = licenseIssued(id(purchase), buyer.organizationId(), "MRZ-SCANNER", LicenseType.ANNUAL, 5, 3);
		Map<String, Object> about = Map.of("licenseId", license.toString(), "orderId", id(purchase).toString(),
				"organizationId", buyer.organizationId().toString(), "product", "MRZ-SCANNER", "type", "ANNUAL");
		Map<String, Object> revoked = new java.util.HashMap<>(about);
		revoked.put("reason", "Chargeback");
		awaitApplied(publish("portal.license.events", "license-service", "portal.license.revoked.v1",
				license.toString(), revoked));

		String refusal = "Licence " + license + " has been revoked and cannot be ";
		mvc.perform(renew(buyer, license))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(refusal + "renewed. Contact support."));
		mvc.perform(quotaOrder(buyer, license, 1))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(refusal + "given more quota. Contact support."));

		Map<String, Object> reinstated = new java.util.HashMap<>(about);
		reinstated.put("status", "ACTIVE");
		reinstated.put("expiresAt", LocalDate.now(clock).plusYears(1).toString());
		reinstated.put("maintenanceExpiresAt", null);
		awaitApplied(publish("portal.license.events", "license-service", "portal.license.reinstated.v1",
				license.toString(), reinstated));
		mvc.perform(quotaOrder(buyer, license, 1)).andExpect(status().isCreated());
	}

	private JsonNode paidOrder(Person buyer, String lines) throws Exception {
		JsonNode order = placeOrder(buyer, lines);
		payByCardOnTestPage(order.get("id").asString(), buyer);
		return order;
	}

	private static MockHttpServletRequestBuilder renew(Person caller, UUID... licenseIds) {
		StringBuilder ids = new StringBuilder();
		for (UUID id : licenseIds) {
			ids.append(ids.isEmpty() ? "" : ",").append('"').append(id).append('"');
		}
		return post("/api/renewals").header("Authorization", caller.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"licenseIds\":[" + ids + "]}");
	}

	private static MockHttpServletRequestBuilder quotaOrder(Person caller, UUID licenseId, int additional) {
		return post("/api/quota-orders").header("Authorization", caller.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"licenseId\":\"" + licenseId + "\",\"additionalQuota\":" + additional + "}");
	}

}
