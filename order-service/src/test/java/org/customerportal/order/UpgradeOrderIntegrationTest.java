package org.customerportal.order;

import java.time.Duration;
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
 * Buy Upgrade: a perpetual licence whose maintenance ended buys the newest major version at the price
 * list's upgrade price; a licence that may be upgraded for free is sent to the free path with the reason.
 */
class UpgradeOrderIntegrationTest extends OrderIntegrationTestSupport {

	@Test
	void aPerpetualLicenseWhoseMaintenanceLapsedBuysTheNewestVersion() throws Exception {
		Person buyer = newOrganization();
		JsonNode purchase = placeOrder(buyer,
				"[{\"product\":\"BARCODE-READER\",\"licenseType\":\"PERPETUAL\",\"quota\":3}]");
		UUID license = licenseIssued(id(purchase), buyer.organizationId(), "BARCODE-READER", LicenseType.PERPETUAL, 3, 9);

		// while maintenance runs, upgrades are free
		mvc.perform(upgradeOrder(buyer, license))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.endsWith(
					"so upgrades are free: upgrade it instead of buying an upgrade.")));

		clock.advance(Duration.ofDays(400));
		JsonNode order = json(mvc.perform(upgradeOrder(buyer, license)).andExpect(status().isCreated()).andReturn());
		assertThat(order.get("type").asString()).isEqualTo("UPGRADE");
		assertThat(order.get("status").asString()).isEqualTo("PENDING_PAYMENT");
		assertThat(order.at("/lines/0/licenseId").asString()).isEqualTo(license.toString());
		assertThat(order.at("/lines/0/productVersion").asInt()).isEqualTo(10);
		assertThat(order.at("/lines/0/quota").asInt()).isEqualTo(3);
		// 3 x the USD upgrade price of the Barcode Reader SDK, 1249.50
		assertThat(order.at("/total/amount").asString()).isEqualTo("3748.50");
		assertThat(order.at("/total/currency").asString()).isEqualTo("USD");

		String orderId = order.get("id").asString();
		payByCardOnTestPage(orderId, buyer);
		JsonNode paid = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.paid.v1", orderId));
		assertThat(paid.get("type").asString()).isEqualTo("UPGRADE");
		assertThat(paid.at("/lines/0/licenseId").asString()).isEqualTo(license.toString());
		assertThat(paid.at("/lines/0/productVersion").asInt()).isEqualTo(10);
	}

	@Test
	void annualLicensesAndLicensesOnTheNewestVersionBuyNoUpgrade() throws Exception {
		Person buyer = newOrganization();
		JsonNode purchase = placeOrder(buyer, """
				[{"product":"BARCODE-READER","licenseType":"ANNUAL","quota":1},
				 {"product":"LABEL-RECOGNIZER","licenseType":"PERPETUAL","quota":1}]""");
		UUID annual = licenseIssued(id(purchase), buyer.organizationId(), "BARCODE-READER", LicenseType.ANNUAL, 1, 9);
		UUID newest = licenseIssued(id(purchase), buyer.organizationId(), "LABEL-RECOGNIZER", LicenseType.PERPETUAL, 1, 3);
		Person outsider = newOrganization();

		mvc.perform(upgradeOrder(buyer, annual))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Your annual licence is valid until")));
		clock.advance(Duration.ofDays(400));
		mvc.perform(upgradeOrder(buyer, annual))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.endsWith("Renew it to upgrade for free.")));
		mvc.perform(upgradeOrder(buyer, newest))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(
					"This licence already covers version 3 of Label Recognizer SDK, the newest release; there is nothing to upgrade to yet."));
		mvc.perform(upgradeOrder(outsider, newest)).andExpect(status().isNotFound());
	}

	private static MockHttpServletRequestBuilder upgradeOrder(Person person, UUID license) {
		return post("/api/upgrade-orders").header("Authorization", person.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"licenseId\":\"" + license + "\",\"paymentMethod\":\"CREDIT_CARD\"}");
	}

}
