package org.customerportal.license;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.customerportal.license.expiry.ExpiryJobAccess;
import org.customerportal.platform.test.Actuator;
import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What installed products ask at run time, without a token, and the expiry job that ends licences.
 */
class ValidationIntegrationTest extends LicenseIntegrationTest {

	@LocalManagementPort
	int managementPort;

	@Autowired
	ExpiryJobAccess expiry;

	@Test
	void answersEachCodeWithoutAToken() throws Exception {
		Person alice = customer("alice");
		UUID organizationId = organizationOf(alice);
		JsonNode license = buy(organizationId, Instant.now(), annual("BARCODE-READER", 1), alice);
		String key = license.path("key").asString();

		JsonNode valid = validate(key, "BARCODE-READER", null);
		assertThat(valid.path("valid").asBoolean()).isTrue();
		assertThat(valid.path("code").asString()).isEqualTo("VALID");
		assertThat(valid.path("expiresAt").asString()).isEqualTo(license.path("expiresAt").asString());
		// keys are read as products and people type them
		assertThat(validate(" " + key.toLowerCase() + " ", "BARCODE-READER", null).path("code").asString())
			.isEqualTo("VALID");

		JsonNode wrongProduct = validate(key, "DOCUMENT-SCANNER", null);
		assertThat(wrongProduct.path("valid").asBoolean()).isFalse();
		assertThat(wrongProduct.path("code").asString()).isEqualTo("WRONG_PRODUCT");
		assertThat(wrongProduct.path("expiresAt").isNull()).as("nothing about another product's licence").isTrue();

		JsonNode unknown = validate("0000-0000-0000-0000-0000-0000-0000-0000", "BARCODE-READER", null);
		assertThat(unknown.path("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(unknown.path("valid").asBoolean()).isFalse();

		assertThat(validate(key, "BARCODE-READER", "pc-1").path("code").asString()).isEqualTo("VALID");
		assertThat(validate(key, "BARCODE-READER", "pc-1").path("code").asString()).isEqualTo("VALID");
		JsonNode quota = validate(key, "BARCODE-READER", "pc-2");
		assertThat(quota.path("code").asString()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(quota.path("valid").asBoolean()).isFalse();
		assertThat(json(call(get("/api/licenses/" + license.path("id").asString()), alice), 200).path("quotaUsed").asInt())
			.isEqualTo(1);

		JsonNode expired = buy(organizationId, Instant.now().minus(400, ChronoUnit.DAYS), annual("BARCODE-READER", 1),
				alice);
		JsonNode expiredAnswer = validate(expired.path("key").asString(), "BARCODE-READER", "pc-9");
		assertThat(expiredAnswer.path("code").asString()).isEqualTo("EXPIRED");
		assertThat(expiredAnswer.path("expiresAt").asString()).isEqualTo(expired.path("expiresAt").asString());
		assertThat(json(call(get("/api/licenses/" + expired.path("id").asString()), alice), 200).path("quotaUsed").asInt())
			.as("an expired licence takes no device").isZero();

		JsonNode missingKey = problem(postJson("/api/licenses/validate", null, Map.of("product", "BARCODE-READER")), 400);
		assertThat(missingKey.path("errors").get(0).path("field").asString()).isEqualTo("key");
		assertThat(missingKey.path("traceId").asString()).as("an id to quote to support").matches("[0-9a-f]{32}");

		// operators see the answers counted by code
		String metrics = Actuator.get(managementPort, "/actuator/prometheus").body();
		assertThat(metrics).containsPattern("license_validations_seconds_count\\{code=\"NOT_FOUND\"[^}]*} [1-9]")
			.containsPattern("license_validations_seconds_count\\{code=\"QUOTA_EXCEEDED\"[^}]*} [1-9]");
	}

	@Test
	void aKnownKeyIsAnsweredAfreshAsSoonAsTheServiceChangesTheLicense() throws Exception {
		Person alice = customer("alice");
		UUID organizationId = organizationOf(alice);
		Instant now = Instant.now();
		JsonNode license = buy(organizationId, now.minus(400, ChronoUnit.DAYS), annual("LABEL-RECOGNIZER", 2), alice);
		String key = license.path("key").asString();
		assertThat(validate(key, "LABEL-RECOGNIZER", null).path("code").asString()).isEqualTo("EXPIRED");

		publishPaid(paidOrder(UUID.randomUUID(), organizationId, "RENEWAL", now, List.of(alice), List.of(new Line(
				"LABEL-RECOGNIZER", "ANNUAL", 2, UUID.fromString(license.path("id").asString()), 3))));
		await().untilAsserted(() -> assertThat(validate(key, "LABEL-RECOGNIZER", null).path("code").asString())
			.isEqualTo("VALID"));
		assertThat(validate(key, "LABEL-RECOGNIZER", null).path("expiresAt").asString())
			.isEqualTo(LocalDate.now(clock).plusYears(1).toString());
	}

	@Test
	void theExpiryJobMarksEndedLicensesExpiredAndAnnouncesIt() throws Exception {
		Person alice = customer("alice");
		UUID organizationId = organizationOf(alice);
		JsonNode annual = buy(organizationId, Instant.now(), annual("MRZ-SCANNER", 1), alice);
		JsonNode perpetual = buy(organizationId, Instant.now(), perpetual("DOCUMENT-SCANNER", 1), alice);
		String id = annual.path("id").asString();
		assertThat(validate(annual.path("key").asString(), "MRZ-SCANNER", null).path("code").asString())
			.isEqualTo("VALID");

		clock.advance(Duration.ofDays(366));
		assertThat(expiry.expireEnded()).isGreaterThanOrEqualTo(1);

		JsonNode after = json(call(get("/api/licenses/" + id), alice), 200);
		assertThat(after.path("status").asString()).isEqualTo("EXPIRED");
		assertThat(json(call(get("/api/licenses").param("status", "EXPIRED"), alice), 200).path("items").valueStream()
			.anyMatch(l -> id.equals(l.path("id").asString()))).isTrue();
		assertThat(validate(annual.path("key").asString(), "MRZ-SCANNER", null).path("code").asString())
			.isEqualTo("EXPIRED");
		// a perpetual licence never expires; only its maintenance ended
		JsonNode stillValid = validate(perpetual.path("key").asString(), "DOCUMENT-SCANNER", null);
		assertThat(stillValid.path("code").asString()).isEqualTo("VALID");
		assertThat(json(call(get("/api/licenses/" + perpetual.path("id").asString()), alice), 200).path("status").asString())
			.isEqualTo("ACTIVE");

		TopicReader.Message expired = awaitLicenseEvent("portal.license.expired.v1", id);
		assertThat(expired.data().path("expiredOn").asString()).isEqualTo(annual.path("expiresAt").asString());
		assertThat(expired.data().path("type").asString()).isEqualTo("ANNUAL");
		// running again changes nothing
		expiry.expireEnded();
		assertThat(licenseEvents("portal.license.expired.v1", id)).hasSize(1);
	}

	@Test
	void onlyPostingToTheValidationPathNeedsNoToken() throws Exception {
		// the path is public for every method, so a GET must not reach a handler that answers without a token
		HttpResponse<String> get = http("GET", "/api/licenses/validate", null);
		assertThat(get.statusCode()).as(get.body()).isEqualTo(401);
		assertThat(get.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		for (String method : List.of("PUT", "PATCH", "DELETE")) {
			HttpResponse<String> answer = http(method, "/api/licenses/validate", null);
			assertThat(answer.statusCode()).as(method + " " + answer.body()).isIn(401, 405);
		}
		// products fetch the key that verifies certificates offline, without a token
		assertThat(http("GET", "/api/licenses/public-key", null).statusCode()).isEqualTo(200);
	}

}
