package org.customerportal.license;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Free upgrades: for a valid annual licence, or a perpetual one whose maintenance is valid.
 */
class UpgradeIntegrationTest extends LicenseIntegrationTest {

	@Test
	void eligibilityIsExplainedForEachKindOfLicense() throws Exception {
		Person alice = customer("alice");
		UUID organizationId = organizationOf(alice);
		Instant now = Instant.now();
		JsonNode annual = buy(organizationId, now, new Line("BARCODE-READER", "ANNUAL", 1, null, 9), alice);
		JsonNode lapsedAnnual = buy(organizationId, now.minus(400, ChronoUnit.DAYS), annual("BARCODE-READER", 1), alice);
		JsonNode maintained = buy(organizationId, now, perpetual("DOCUMENT-SCANNER", 1), alice);
		JsonNode unmaintained = buy(organizationId, now.minus(400, ChronoUnit.DAYS), perpetual("DOCUMENT-SCANNER", 1),
				alice);

		JsonNode yes = eligibility(annual, alice);
		assertThat(yes.path("eligible").asBoolean()).isTrue();
		assertThat(yes.path("reason").asString()).contains("annual licence is valid until");
		assertThat(yes.path("currentVersion").asInt()).isEqualTo(9);
		assertThat(yes.path("latestVersion").asInt()).isEqualTo(10);
		JsonNode lapsed = eligibility(lapsedAnnual, alice);
		assertThat(lapsed.path("eligible").asBoolean()).isFalse();
		assertThat(lapsed.path("reason").asString()).contains("expired on").contains("Renew it");
		assertThat(eligibility(maintained, alice).path("eligible").asBoolean()).isTrue();
		JsonNode noMaintenance = eligibility(unmaintained, alice);
		assertThat(noMaintenance.path("eligible").asBoolean()).isFalse();
		assertThat(noMaintenance.path("reason").asString()).contains("Maintenance of your perpetual licence ended on")
			.contains("Renew maintenance");

		JsonNode refused = problem(postJson(path(unmaintained) + "/upgrade", alice, Map.of("targetVersion", 11)), 422);
		assertThat(refused.path("detail").asString()).isEqualTo(noMaintenance.path("reason").asString());
		problem(call(get(path(annual) + "/upgrade-eligibility"), customer("mallory")), 404);
	}

	@Test
	void aFreeUpgradeMovesTheLicenseToTheNewerVersion() throws Exception {
		Person alice = customer("alice");
		JsonNode license = buy(organizationOf(alice), Instant.now(), new Line("BARCODE-READER", "ANNUAL", 2, null, 9),
				alice);

		assertThat(problem(postJson(path(license) + "/upgrade", alice, Map.of("targetVersion", 9)), 422)
			.path("detail").asString()).contains("already covers version 9");
		assertThat(problem(postJson(path(license) + "/upgrade", alice, Map.of("targetVersion", 42)), 422)
			.path("detail").asString()).contains("not released yet; the newest version is 10");
		problem(postJson(path(license) + "/upgrade", alice, Map.of()), 400);

		JsonNode upgraded = json(postJson(path(license) + "/upgrade", alice, Map.of("targetVersion", 10)), 200);
		assertThat(upgraded.path("productVersion").asInt()).isEqualTo(10);
		assertThat(json(call(get(path(license)), alice), 200).path("productVersion").asInt()).isEqualTo(10);

		TopicReader.Message event = awaitLicenseEvent("portal.license.upgraded.v1", license.path("id").asString());
		assertThat(event.data().path("fromVersion").asInt()).isEqualTo(9);
		assertThat(event.data().path("toVersion").asInt()).isEqualTo(10);
		assertThat(event.data().path("product").asString()).isEqualTo("BARCODE-READER");
	}

	private JsonNode eligibility(JsonNode license, Person caller) throws Exception {
		return json(call(get(path(license) + "/upgrade-eligibility"), caller), 200);
	}

	private static String path(JsonNode license) {
		return "/api/licenses/" + license.path("id").asString();
	}

}
