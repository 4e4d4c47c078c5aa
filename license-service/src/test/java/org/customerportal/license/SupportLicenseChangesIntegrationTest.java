package org.customerportal.license;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Support sees every licence but does not spend a customer's quota, upgrades or trial extensions:
 * those calls answer 403 (found by the authorization matrix of the end-to-end tests), and the licence
 * stays as it was.
 */
class SupportLicenseChangesIntegrationTest extends LicenseIntegrationTest {

	@Test
	void supportSeesALicenseButCannotChangeIt() throws Exception {
		Person alice = customer("alice");
		UUID organizationId = organizationOf(alice);
		String license = buy(organizationId, Instant.now(clock), annual("BARCODE-READER", 2), alice).path("id")
			.asString();
		json(postJson("/api/licenses/" + license + "/activations", alice, Map.of("deviceId", "alice-laptop")), 201);
		String trial = json(postJson("/api/trials", alice, Map.of("product", "LABEL-RECOGNIZER")), 201).path("id")
			.asString();

		json(call(get("/api/licenses/" + license), support()), 200);
		json(call(get("/api/licenses/" + license + "/activations"), support()), 200);
		problem(postJson("/api/licenses/" + license + "/activations", support(), Map.of("deviceId", "support-pc")), 403);
		problem(call(delete("/api/licenses/" + license + "/activations/alice-laptop"), support()), 403);
		problem(postJson("/api/licenses/" + license + "/upgrade", support(), Map.of("targetVersion", 99)), 403);
		JsonNode refused = problem(call(post("/api/trials/" + trial + "/extensions"), support()), 403);
		assertThat(refused.path("detail").asString()).startsWith("Support staff can see this licence but not change it");

		JsonNode unchanged = json(call(get("/api/licenses/" + license), alice), 200);
		assertThat(unchanged.path("quotaUsed").asInt()).isEqualTo(1);
		JsonNode devices = json(call(get("/api/licenses/" + license + "/activations"), alice), 200);
		assertThat(devices.path("items").valueStream().map(d -> d.path("deviceId").asString())).containsExactly("alice-laptop");
		// the customer still can
		json(postJson("/api/trials/" + trial + "/extensions", alice, Map.of()), 200);
	}

}
