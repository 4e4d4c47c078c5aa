package org.customerportal.e2e.journeys;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportal.e2e.support.Steps.awaitLicenses;
import static org.customerportal.e2e.support.Steps.buy;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.eventually;
import static org.customerportal.e2e.support.Steps.find;
import static org.customerportal.e2e.support.Steps.licensesOfOrder;
import static org.customerportal.e2e.support.Steps.line;
import static org.customerportal.e2e.support.Steps.payByCard;

/**
 * Journey 4: "Renew Selected" on two licences makes one renewal order; once it is paid both end dates
 * are a year later (the annual licence's term, the perpetual licence's maintenance). "Add Quota" makes a
 * quota order; once it is paid the licence's quota is raised.
 */
@EndToEndTest
@Order(4)
class RenewalAndQuotaJourneyTest {

	private final User dave = Keycloak.customer("dave", "Dave", "Davis");

	@Test
	void renewSelectedThenAddQuota() {
		UUID organization = createOrganization(dave, "Davis Logistics");
		String purchase = buy(dave, organization,
				List.of(line("BARCODE-READER", "ANNUAL", 1), line("LABEL-RECOGNIZER", "PERPETUAL", 1)))
			.path("id")
			.asString();
		List<JsonNode> bought = awaitLicenses(dave, purchase, 2);
		JsonNode annual = find(bought, "BARCODE-READER");
		JsonNode perpetual = find(bought, "LABEL-RECOGNIZER");
		LocalDate annualEnd = LocalDate.parse(annual.path("expiresAt").asString());
		LocalDate maintenanceEnd = LocalDate.parse(perpetual.path("maintenanceExpiresAt").asString());
		String annualId = annual.path("id").asString();
		String perpetualId = perpetual.path("id").asString();

		// order-service learns about the licences from license-service's events
		JsonNode renewal = eventually("a renewal order for both licences", 201,
				() -> dave.post("/api/renewals", Map.of("licenseIds", List.of(annualId, perpetualId))))
			.json();
		assertThat(renewal.path("type").asString()).isEqualTo("RENEWAL");
		assertThat(renewal.path("status").asString()).isEqualTo("PENDING_PAYMENT");
		assertThat(renewal.path("lines").findValuesAsString("licenseId")).containsExactlyInAnyOrder(annualId, perpetualId);
		// a year's annual licence (1249.00) and a year's maintenance (359.80)
		assertThat(renewal.path("total").path("amount").asString()).isEqualTo("1608.80");
		payByCard(dave, renewal.path("id").asString());

		eventually("both end dates a year later", () -> dave.get("/api/licenses?size=100"), reply -> {
			List<JsonNode> now = licensesOfOrder(reply.json(), purchase);
			return now.size() == 2 && LocalDate.parse(find(now, "BARCODE-READER").path("expiresAt").asString()).equals(annualEnd.plusYears(1))
					&& LocalDate.parse(find(now, "LABEL-RECOGNIZER").path("maintenanceExpiresAt").asString())
						.equals(maintenanceEnd.plusYears(1));
		}, "BARCODE-READER expiring " + annualEnd.plusYears(1) + ", LABEL-RECOGNIZER maintenance until "
				+ maintenanceEnd.plusYears(1));
		JsonNode renewedPerpetual = dave.get("/api/licenses/" + perpetualId).expect(200).json();
		assertThat(renewedPerpetual.path("expiresAt").isNull() || renewedPerpetual.path("expiresAt").isMissingNode())
			.as("a perpetual licence never expires").isTrue();

		JsonNode quotaOrder = eventually("an Add Quota order", 201,
				() -> dave.post("/api/quota-orders", Map.of("licenseId", annualId, "additionalQuota", 3)))
			.json();
		assertThat(quotaOrder.path("type").asString()).isEqualTo("QUOTA_EXPANSION");
		payByCard(dave, quotaOrder.path("id").asString());
		eventually("the quota raised from 1 to 4", () -> dave.get("/api/licenses/" + annualId),
				reply -> reply.status() == 200 && reply.json().path("quota").asInt() == 4, "quota 4");
	}

}
