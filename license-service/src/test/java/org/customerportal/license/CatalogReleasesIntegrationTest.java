package org.customerportal.license;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The newest version of each product comes from the catalogue's {@code portal.product.released.v1}
 * events: sales release version N+1 and a covered licence may upgrade to it for free; trials start on it.
 */
class CatalogReleasesIntegrationTest extends LicenseIntegrationTest {

	@Test
	void aReleaseAnnouncedByTheCatalogueOpensTheFreeUpgradeToIt() throws Exception {
		String product = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		released(product, 1);
		Person alice = customer("alice");
		JsonNode license = buy(organizationOf(alice), Instant.now(), new Line(product, "ANNUAL", 1, null, 1), alice);
		String path = "/api/licenses/" + license.path("id").asString();
		assertThat(problem(postJson(path + "/upgrade", alice, Map.of("targetVersion", 2)), 422).path("detail")
			.asString()).isEqualTo("Version 2 of " + product + " is not released yet; the newest version is 1.");

		released(product, 2);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(json(call(get(path + "/upgrade-eligibility"), alice), 200)
				.path("latestVersion")
				.asInt()).isEqualTo(2));
		assertThat(json(postJson(path + "/upgrade", alice, Map.of("targetVersion", 2)), 200).path("productVersion")
			.asInt()).isEqualTo(2);
		assertThat(awaitLicenseEvent("portal.license.upgraded.v1", license.path("id").asString()).data()
			.path("toVersion")
			.asInt()).isEqualTo(2);

		// an older release delivered late changes nothing
		String late = released(product, 1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select count(*) from inbox_event where event_id = ?")
				.param(late)
				.query(Long.class)
				.single() == 1);
		assertThat(json(call(get(path + "/upgrade-eligibility"), alice), 200).path("latestVersion").asInt())
			.isEqualTo(2);
	}

	@Test
	void aTrialStartsOnTheNewestReleasedVersion() throws Exception {
		String product = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Person bob = customer("bob");
		organizationOf(bob);
		assertThat(problem(postJson("/api/trials", bob, Map.of("product", product)), 422).path("detail").asString())
			.isEqualTo("There is no product " + product + " to try. Check the product code in the catalogue.");

		released(product, 5);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(postJson("/api/trials", bob, Map.of("product", product)).getResponse()
				.getStatus()).isEqualTo(201));
		JsonNode trials = json(call(get("/api/licenses").param("product", product), bob), 200);
		assertThat(trials.at("/items/0/productVersion").asInt()).isEqualTo(5);
	}

	private static String released(String product, int version) {
		return publish(CATALOG_EVENTS, product, "portal.product.released.v1",
				Map.of("product", product, "productName", "Test " + product, "majorVersion", version, "releasedOn",
						"2026-05-04", "releasedBy", "sales-" + UUID.randomUUID()));
	}

}
