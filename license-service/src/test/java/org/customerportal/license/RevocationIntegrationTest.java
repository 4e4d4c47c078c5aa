package org.customerportal.license;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.customerportal.license.licenses.License;
import org.customerportal.license.licenses.Licenses;
import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Support revokes a licence with a reason and reinstates it; customers cannot; a revoked licence validates
 * as REVOKED at once, also where another instance revoked it, and can no longer be used or changed.
 */
class RevocationIntegrationTest extends LicenseIntegrationTest {

	@Autowired
	Licenses licenses;

	@Test
	void aRevokedLicenseValidatesAsRevokedAndIsRefusedUntilReinstated() throws Exception {
		Person alice = customer("alice");
		UUID organizationId = organizationOf(alice);
		JsonNode license = buy(organizationId, Instant.now(clock), annual("BARCODE-READER", 3), alice);
		String id = license.path("id").asString();
		String key = license.path("key").asString();
		assertThat(validate(key, "BARCODE-READER", null).path("code").asString()).isEqualTo("VALID");

		JsonNode customerTry = problem(postJson("/api/licenses/" + id + "/revocation", alice,
				Map.of("reason", "mine")), 403);
		assertThat(customerTry.path("detail").asString()).startsWith("Only support staff can revoke");
		JsonNode noReason = problem(postJson("/api/licenses/" + id + "/revocation", support(), Map.of("reason", " ")),
				400);
		assertThat(noReason.path("errors").get(0).path("field").asString()).isEqualTo("reason");
		problem(postJson("/api/licenses/" + id + "/revocation", support(), Map.of("reason", "a\u0000b")), 400);

		JsonNode revoked = json(postJson("/api/licenses/" + id + "/revocation", support(),
				Map.of("reason", "Chargeback on the order's payment")), 200);
		assertThat(revoked.path("status").asString()).isEqualTo("REVOKED");
		assertThat(revoked.path("revocationReason").asString()).isEqualTo("Chargeback on the order's payment");
		// the cached VALID answer of before does not survive the revocation
		JsonNode answer = validate(key, "BARCODE-READER", "pc-1");
		assertThat(answer.path("code").asString()).isEqualTo("REVOKED");
		assertThat(answer.path("valid").asBoolean()).isFalse();
		JsonNode seen = json(call(get("/api/licenses/" + id), alice), 200);
		assertThat(seen.path("status").asString()).isEqualTo("REVOKED");
		assertThat(seen.path("quotaUsed").asInt()).as("a revoked licence takes no device").isZero();

		TopicReader.Message event = awaitLicenseEvent("portal.license.revoked.v1", id);
		assertThat(event.data().path("reason").asString()).isEqualTo("Chargeback on the order's payment");
		assertThat(event.data().path("orderId").asString()).isEqualTo(license.path("orderId").asString());

		String refusal = "This licence has been revoked. Contact support.";
		assertThat(problem(postJson("/api/licenses/" + id + "/activations", alice, Map.of("deviceId", "pc-1")), 422)
			.path("detail").asString()).isEqualTo(refusal);
		assertThat(problem(postJson("/api/licenses/" + id + "/upgrade", alice, Map.of("targetVersion", 11)), 422)
			.path("detail").asString()).contains("revoked");
		JsonNode twice = problem(postJson("/api/licenses/" + id + "/revocation", support(), Map.of("reason", "again")),
				409);
		assertThat(twice.path("detail").asString()).contains("already revoked");

		problem(call(delete("/api/licenses/" + id + "/revocation"), alice), 403);
		JsonNode reinstated = json(call(delete("/api/licenses/" + id + "/revocation"), support()), 200);
		assertThat(reinstated.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(reinstated.path("revocationReason").isNull()).isTrue();
		assertThat(validate(key, "BARCODE-READER", "pc-1").path("code").asString()).isEqualTo("VALID");
		TopicReader.Message back = awaitLicenseEvent("portal.license.reinstated.v1", id);
		assertThat(back.data().path("status").asString()).isEqualTo("ACTIVE");
		assertThat(back.data().path("expiresAt").asString()).isEqualTo(license.path("expiresAt").asString());
		problem(call(delete("/api/licenses/" + id + "/revocation"), support()), 409);
	}

	@Test
	void aRevocationWrittenByAnotherInstanceCountsAtOnce() throws Exception {
		Person bob = customer("bob");
		JsonNode license = buy(organizationOf(bob), Instant.now(clock), annual("MRZ-SCANNER", 1), bob);
		String key = license.path("key").asString();
		assertThat(validate(key, "MRZ-SCANNER", null).path("code").asString()).isEqualTo("VALID");

		// another replica committed the revocation: this one's cache knows nothing of it
		jdbc.sql("update license set status = 'REVOKED', revoked_at = now(), revocation_reason = 'elsewhere' where id = ?")
			.param(UUID.fromString(license.path("id").asString()))
			.update();
		assertThat(validate(key, "MRZ-SCANNER", null).path("code").asString()).isEqualTo("REVOKED");
	}

	@Test
	void aRevokedTrialCannotBeExtendedAndAnUnknownLicenseIsNotFound() throws Exception {
		Person carol = customer("carol");
		organizationOf(carol);
		String trial = json(postJson("/api/trials", carol, Map.of("product", "LABEL-RECOGNIZER")), 201).path("id")
			.asString();
		json(postJson("/api/licenses/" + trial + "/revocation", support(), Map.of("reason", "Abuse of trials")), 200);
		assertThat(problem(call(post("/api/trials/" + trial + "/extensions"), carol), 422).path("detail").asString())
			.isEqualTo("This licence has been revoked. Contact support.");
		problem(postJson("/api/licenses/" + UUID.randomUUID() + "/revocation", support(), Map.of("reason", "x")), 404);

		// meanwhile the company started a trial of a newer version: two active trials of one product cannot be
		JsonNode revoked = json(call(get("/api/licenses/" + trial), carol), 200);
		licenses.save(License.trial(UUID.fromString(revoked.path("organizationId").asString()), "LABEL-RECOGNIZER",
				revoked.path("productVersion").asInt() + 1, 1, carol.id(), LocalDate.now(clock), Instant.now(clock)));
		assertThat(problem(call(delete("/api/licenses/" + trial + "/revocation"), support()), 409).path("detail")
			.asString()).contains("cannot be reinstated");
	}

}
