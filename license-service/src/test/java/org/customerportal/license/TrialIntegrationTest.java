package org.customerportal.license;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 30-day trials for an organisation: one active trial per product, at most two extensions, seen by the
 * organisation's members.
 */
class TrialIntegrationTest extends LicenseIntegrationTest {

	@Test
	void aMemberStartsATrialTheOrganizationSeesAndExtendsTwiceButNotAThirdTime() throws Exception {
		Person alice = customer("alice");
		Person bob = customer("bob");
		UUID organizationId = organizationOf(alice, bob);
		LocalDate today = LocalDate.now(clock);

		JsonNode trial = json(postJson("/api/trials", alice, Map.of("product", "BARCODE-READER")), 201);
		String id = trial.path("id").asString();
		assertThat(trial.path("type").asString()).isEqualTo("TRIAL");
		assertThat(trial.path("organizationId").asString()).isEqualTo(organizationId.toString());
		assertThat(trial.path("orderId").isNull()).isTrue();
		assertThat(trial.path("productVersion").asInt()).isEqualTo(10);
		assertThat(date(trial.path("expiresAt"))).isEqualTo(today.plusDays(30));
		assertThat(trial.path("trialExtensions").asInt()).isZero();

		// Bob is a member too: he sees it and may extend it; a stranger may not
		json(call(get("/api/licenses/" + id), bob), 200);
		assertThat(json(call(get("/api/licenses").param("product", "BARCODE-READER"), bob), 200).path("items")
			.valueStream().anyMatch(l -> id.equals(l.path("id").asString()))).isTrue();
		Person stranger = customer("mallory");
		organizationOf(stranger);
		problem(call(get("/api/licenses/" + id), stranger), 404);
		problem(postJson("/api/trials/" + id + "/extensions", stranger, Map.of()), 404);

		JsonNode once = json(postJson("/api/trials/" + id + "/extensions", bob, Map.of()), 200);
		assertThat(date(once.path("expiresAt"))).isEqualTo(today.plusDays(60));
		JsonNode twice = json(postJson("/api/trials/" + id + "/extensions", alice, Map.of()), 200);
		assertThat(date(twice.path("expiresAt"))).isEqualTo(today.plusDays(90));
		assertThat(twice.path("trialExtensions").asInt()).isEqualTo(2);
		JsonNode third = problem(postJson("/api/trials/" + id + "/extensions", alice, Map.of()), 422);
		assertThat(third.path("detail").asString()).contains("the limit is two");
		assertThat(date(json(call(get("/api/licenses/" + id), alice), 200).path("expiresAt")))
			.isEqualTo(today.plusDays(90));

		TopicReader.Message started = awaitLicenseEvent("portal.trial.started.v1", id);
		assertThat(started.data().path("startedBy").asString()).isEqualTo(alice.id());
		assertThat(started.data().path("type").asString()).isEqualTo("TRIAL");
		List<TopicReader.Message> extended = TopicReader.of(LICENSE_EVENTS)
			.awaitMessages(m -> m.type().equals("portal.trial.extended.v1") && id.equals(m.key())
					&& m.data().path("extensions").asInt() == 2);
		assertThat(extended.get(0).data().path("expiresAt").asString()).isEqualTo(today.plusDays(90).toString());
		awaitLicenseEvent("portal.trial.extended.v1", id);
		assertThat(licenseEvents("portal.trial.extended.v1", id)).hasSize(2);
	}

	@Test
	void oneActiveTrialPerProductPerOrganizationEvenWhenRequestedAtOnce() throws Exception {
		Person alice = customer("alice");
		Person bob = customer("bob");
		organizationOf(alice, bob);
		List<Callable<Object>> calls = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Person caller = i % 2 == 0 ? alice : bob;
			calls.add(() -> http("/api/trials", caller, "{\"product\":\"DOCUMENT-SCANNER\"}").statusCode());
		}
		List<Object> statuses = runTogether(calls);
		assertThat(statuses.stream().filter(s -> s.equals(201)).count()).isEqualTo(1);
		assertThat(statuses).allMatch(s -> s.equals(201) || s.equals(409));

		JsonNode conflict = problem(postJson("/api/trials", bob, Map.of("product", "DOCUMENT-SCANNER")), 409);
		assertThat(conflict.path("detail").asString()).contains("already has an active trial of DOCUMENT-SCANNER");
		// another product is fine
		json(postJson("/api/trials", bob, Map.of("product", "LABEL-RECOGNIZER")), 201);
	}

	@Test
	void concurrentExtensionsGrantExactlyTwo() throws Exception {
		Person alice = customer("alice");
		organizationOf(alice);
		JsonNode trial = json(postJson("/api/trials", alice, Map.of("product", "MRZ-SCANNER")), 201);
		String id = trial.path("id").asString();
		List<Callable<Object>> calls = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			calls.add(() -> http("/api/trials/" + id + "/extensions", alice, "{}"));
		}
		List<Object> responses = runTogether(calls);
		List<Integer> statuses = responses.stream()
			.map(r -> ((java.net.http.HttpResponse<?>) r).statusCode())
			.toList();
		assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(2);
		assertThat(statuses.stream().filter(s -> s == 422).count()).isEqualTo(8);
		responses.stream()
			.map(r -> (java.net.http.HttpResponse<?>) r)
			.filter(r -> r.statusCode() == 422)
			.forEach(r -> assertThat(r.body().toString()).contains("the limit is two"));
		JsonNode after = json(call(get("/api/licenses/" + id), alice), 200);
		assertThat(date(after.path("expiresAt"))).isEqualTo(date(trial.path("expiresAt")).plusDays(60));
	}

	@Test
	void anEndedTrialCanBeNeitherExtendedNorStartedAfresh() throws Exception {
		Person alice = customer("alice");
		Person bob = customer("bob");
		organizationOf(alice, bob);
		JsonNode first = json(postJson("/api/trials", alice, Map.of("product", "LABEL-RECOGNIZER")), 201);
		LocalDate started = LocalDate.now(clock);
		clock.advance(Duration.ofDays(31));

		JsonNode ended = json(call(get("/api/licenses/" + first.path("id").asString()), alice), 200);
		assertThat(ended.path("status").asString()).isEqualTo("EXPIRED");
		assertThat(problem(postJson("/api/trials/" + first.path("id").asString() + "/extensions", alice, Map.of()), 422)
			.path("detail").asString()).contains("can no longer be extended");
		// not by the one who started it, nor by another member of the company
		for (Person member : List.of(alice, bob)) {
			assertThat(problem(postJson("/api/trials", member, Map.of("product", "LABEL-RECOGNIZER")), 422).path("detail")
				.asString()).isEqualTo("Your company has already tried LABEL-RECOGNIZER 3 (from " + started
						+ "); each version can be tried once. Buy a licence to keep using it, or contact sales if you "
						+ "need more time to evaluate it.");
		}
		assertThat(jdbc.sql("select count(*) from license where organization_id = ? and type = 'TRIAL'")
			.param(UUID.fromString(first.path("organizationId").asString()))
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void aNewMajorVersionCanBeTriedAgain() throws Exception {
		// a product of this test alone, so that its new version concerns no other test
		String product = "TRY-AGAIN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		release(product, 1);
		Person alice = customer("alice");
		organizationOf(alice);
		json(postJson("/api/trials", alice, Map.of("product", product)), 201);
		clock.advance(Duration.ofDays(31));
		problem(postJson("/api/trials", alice, Map.of("product", product)), 422);

		release(product, 2);
		JsonNode second = json(postJson("/api/trials", alice, Map.of("product", product)), 201);

		assertThat(second.path("productVersion").asInt()).isEqualTo(2);
	}

	private void release(String product, int version) {
		jdbc.sql("insert into product_release (product, latest_version) values (?, ?)"
				+ " on conflict (product) do update set latest_version = excluded.latest_version")
			.params(product, version)
			.update();
	}

	@Test
	void aTrialNeedsAnOrganizationAndAKnownProduct() throws Exception {
		Person loner = customer("loner");
		assertThat(problem(postJson("/api/trials", loner, Map.of("product", "BARCODE-READER")), 422).path("detail")
			.asString()).contains("Create your organisation");
		Person alice = customer("alice");
		organizationOf(alice);
		assertThat(problem(postJson("/api/trials", alice, Map.of("product", "NO-SUCH-THING")), 422).path("detail")
			.asString()).contains("There is no product NO-SUCH-THING");
		JsonNode invalid = problem(postJson("/api/trials", alice, Map.of("product", "")), 400);
		assertThat(invalid.path("errors").get(0).path("field").asString()).isEqualTo("product");
	}

}
