package org.customerportal.e2e.journeys;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.LocalSuite;
import org.customerportal.e2e.support.Reply;
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
import static org.customerportal.e2e.support.Steps.line;

/**
 * Journey 5: a trial is requested and extended twice, and the third extension is refused; free upgrade
 * eligibility for an annual licence and for a perpetual one with and without maintenance.
 */
@EndToEndTest
@Order(5)
class TrialAndUpgradeJourneyTest {

	private final User erin = Keycloak.customer("erin", "Erin", "Evans");

	@Test
	void aTrialIsExtendedTwiceAndNoMore() {
		UUID organization = createOrganization(erin, "Evans Archive");

		// license-service learns about the organisation from account-service's events
		JsonNode trial = eventually("a trial of DOCUMENT-SCANNER", 201,
				() -> erin.post("/api/trials", Map.of("product", "DOCUMENT-SCANNER")))
			.json();
		String trialId = trial.path("id").asString();
		LocalDate start = LocalDate.parse(trial.path("validFrom").asString());
		assertThat(trial.path("type").asString()).isEqualTo("TRIAL");
		assertThat(trial.path("organizationId").asString()).isEqualTo(organization.toString());
		assertThat(LocalDate.parse(trial.path("expiresAt").asString())).isEqualTo(start.plusDays(30));
		assertThat(erin.get("/api/licenses/" + trialId).expect(200).json().path("status").asString()).isEqualTo("ACTIVE");

		erin.post("/api/trials", Map.of("product", "DOCUMENT-SCANNER")).expect(409);

		JsonNode once = erin.post("/api/trials/" + trialId + "/extensions", null).expect(200).json();
		assertThat(LocalDate.parse(once.path("expiresAt").asString())).isEqualTo(start.plusDays(60));
		assertThat(once.path("trialExtensions").asInt()).isEqualTo(1);
		JsonNode twice = erin.post("/api/trials/" + trialId + "/extensions", null).expect(200).json();
		assertThat(LocalDate.parse(twice.path("expiresAt").asString())).isEqualTo(start.plusDays(90));
		assertThat(twice.path("trialExtensions").asInt()).isEqualTo(2);

		JsonNode refused = erin.post("/api/trials/" + trialId + "/extensions", null).expect(422).json();
		assertThat(refused.path("detail").asString()).contains("extended twice");
		assertThat(LocalDate.parse(erin.get("/api/licenses/" + trialId).expect(200).json().path("expiresAt").asString()))
			.isEqualTo(start.plusDays(90));

		JsonNode trialUpgrade = erin.get("/api/licenses/" + trialId + "/upgrade-eligibility").expect(200).json();
		assertThat(trialUpgrade.path("eligible").asBoolean()).isFalse();
	}

	@Test
	void annualAndPerpetualWithMaintenanceUpgradeForFree() {
		UUID organization = createOrganization(erin, "Evans Archive");
		String orderId = buy(erin, organization,
				List.of(line("BARCODE-READER", "ANNUAL", 1), line("CAPTURE-VISION-SERVER", "PERPETUAL", 2)))
			.path("id")
			.asString();
		List<JsonNode> licenses = awaitLicenses(erin, orderId, 2);

		JsonNode annual = eligibility(find(licenses, "BARCODE-READER"));
		assertThat(annual.path("eligible").asBoolean()).isTrue();
		assertThat(annual.path("reason").asString()).contains("valid until");

		JsonNode perpetual = eligibility(find(licenses, "CAPTURE-VISION-SERVER"));
		assertThat(perpetual.path("eligible").asBoolean()).isTrue();
		assertThat(perpetual.path("reason").asString()).contains("Maintenance").contains("valid until");
	}

	/**
	 * A perpetual licence whose maintenance has ended: its maintenance starts on the day the order is
	 * paid, so license-service's test clock moves past its end.
	 */
	@Test
	void perpetualWithoutMaintenanceIsNotUpgradedForFree() {
		User support = Keycloak.support();
		Reply clock = support.get("/api/licenses/test-clock");
		LocalSuite.require(clock.status() == 200,
				"license-service runs without its test clock (PORTAL_TESTCLOCK_ENABLED=true): "
						+ "GET /api/licenses/test-clock answered " + clock.status());
		UUID organization = createOrganization(erin, "Evans Archive");
		String orderId = buy(erin, organization, List.of(line("CAPTURE-VISION-SERVER", "PERPETUAL", 1))).path("id").asString();
		JsonNode license = awaitLicenses(erin, orderId, 1).get(0);
		LocalDate maintenanceEnd = LocalDate.parse(license.path("maintenanceExpiresAt").asString());
		long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(java.time.ZoneOffset.UTC), maintenanceEnd) + 1;
		try {
			support.put("/api/licenses/test-clock", Map.of("offset", "P" + days + "D")).expect(200);
			JsonNode lapsed = eligibility(license);
			assertThat(lapsed.path("eligible").asBoolean()).isFalse();
			assertThat(lapsed.path("reason").asString())
				.isEqualTo("Maintenance of your perpetual licence ended on " + maintenanceEnd
						+ ". Renew maintenance to upgrade for free.");
			erin.post("/api/licenses/" + license.path("id").asString() + "/upgrade", Map.of("targetVersion", 3)).expect(422);
		}
		finally {
			support.put("/api/licenses/test-clock", Map.of("offset", "PT0S")).expect(200);
		}
	}

	private JsonNode eligibility(JsonNode license) {
		return erin.get("/api/licenses/" + license.path("id").asString() + "/upgrade-eligibility").expect(200).json();
	}

}
