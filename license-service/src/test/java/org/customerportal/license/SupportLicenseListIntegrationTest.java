package org.customerportal.license;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The support console opens a company it found and sees all its licences, trials included.
 */
class SupportLicenseListIntegrationTest extends LicenseIntegrationTest {

	@Test
	void supportSeesEveryLicenseOfTheOrganizationItAsksForAndOnlyThose() throws Exception {
		Person alice = customer("alice");
		UUID organizationId = organizationOf(alice);
		String bought = buy(organizationId, Instant.now(clock), annual("BARCODE-READER", 2), alice).path("id")
			.asString();
		String trial = json(postJson("/api/trials", alice, Map.of("product", "LABEL-RECOGNIZER")), 201).path("id")
			.asString();
		Person other = customer("olga");
		buy(organizationOf(other), Instant.now(clock), annual("BARCODE-READER", 1), other);

		JsonNode page = json(call(get("/api/licenses").param("organizationId", organizationId.toString()), support()),
				200);
		assertThat(page.path("totalItems").asLong()).isEqualTo(2);
		assertThat(ids(page)).containsExactlyInAnyOrder(bought, trial);

		// a customer's filter narrows what they see; it never widens it
		JsonNode stranger = json(
				call(get("/api/licenses").param("organizationId", organizationId.toString()), other), 200);
		assertThat(stranger.path("totalItems").asLong()).isZero();
	}

	private static List<String> ids(JsonNode page) {
		return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
	}

}
