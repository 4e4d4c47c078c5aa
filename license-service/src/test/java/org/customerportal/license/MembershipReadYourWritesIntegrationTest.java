package org.customerportal.license;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.customerportal.platform.test.FakeAccountService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A person who has just created or joined an organisation starts or uses its trials before
 * license-service has heard of it: account-service, asked once with the person's own token, lets them
 * in; what it does not confirm (or cannot, being down) is refused as before.
 */
class MembershipReadYourWritesIntegrationTest extends LicenseIntegrationTest {

	private static final Map<String, String> TRIAL = Map.of("product", "MRZ-SCANNER");

	@RegisterExtension
	final FakeAccountService accountService = FakeAccountService.get();

	@Test
	void theCreatorOfANewOrganizationStartsATrialBeforeItsEventsArriveWhichThenStillApply() throws Exception {
		Person alice = customer("alice");
		UUID organizationId = UUID.randomUUID();
		accountService.member(alice.id(), alice.email(), organizationId);

		JsonNode trial = json(postJson("/api/trials", alice, TRIAL), 201);
		assertThat(trial.path("organizationId").asString()).isEqualTo(organizationId.toString());
		assertThat(accountService.tokensSeen()).as("asked once, with the caller's own token")
			.containsExactly(alice.token());
		String id = trial.path("id").asString();
		assertThat(json(call(get("/api/licenses").param("product", "MRZ-SCANNER"), alice), 200).path("items")
			.valueStream()
			.anyMatch(l -> id.equals(l.path("id").asString()))).as("listed: the confirmed membership is recorded")
			.isTrue();
		json(postJson("/api/trials/" + id + "/extensions", alice, Map.of()), 200);
		assertThat(accountService.tokensSeen()).hasSize(1);

		// the member.joined that was on its way applies cleanly over what account-service confirmed (a
		// failing handler would be retried and dead-lettered, never recorded as applied)
		String joined = publish(ACCOUNT_EVENTS, organizationId.toString(), "portal.member.joined.v1",
				Map.of("organizationId", organizationId.toString(), "userId", alice.id(), "email", alice.email(),
						"name", "Alice"));
		await().untilAsserted(() -> assertThat(jdbc.sql("select count(*) from inbox_event where event_id = ?")
			.param(joined)
			.query(Long.class)
			.single()).isEqualTo(1L));
		assertThat(members(organizationId)).isEqualTo(1);
	}

	@Test
	void aNewlyJoinedColleagueSeesAndExtendsTheOrganizationsTrial() throws Exception {
		Person alice = customer("alice");
		UUID organizationId = organizationOf(alice);
		String id = json(postJson("/api/trials", alice, TRIAL), 201).path("id").asString();
		Person bob = customer("bob");
		Person carol = customer("carol");
		accountService.member(bob.id(), bob.email(), organizationId);
		accountService.member(carol.id(), carol.email(), organizationId);

		json(call(get("/api/licenses/" + id), bob), 200);
		assertThat(json(postJson("/api/trials/" + id + "/extensions", carol, Map.of()), 200).path("trialExtensions")
			.asInt()).isEqualTo(1);
	}

	@Test
	void anOwnerNamingAnotherOrganizationOrNoneGetsTheRefusalOfBefore() throws Exception {
		Person alice = customer("alice");
		UUID organizationId = organizationOf(alice);
		String id = json(postJson("/api/trials", alice, TRIAL), 201).path("id").asString();
		String expected = problem(postJson("/api/trials", customer("nobody"), TRIAL), 422).path("detail").asString();
		Person elsewhere = customer("eve");
		accountService.member(elsewhere.id(), elsewhere.email(), UUID.randomUUID());

		problem(call(get("/api/licenses/" + id), elsewhere), 404);
		problem(postJson("/api/trials/" + id + "/extensions", elsewhere, Map.of()), 404);
		assertThat(accountService.tokensSeen()).as("once per refused request").hasSize(3);
		assertThat(members(organizationId)).as("nothing recorded").isEqualTo(1);
		// account-service names no organisation for a person it was told nothing about
		assertThat(problem(postJson("/api/trials", customer("mallory"), TRIAL), 422).path("detail").asString())
			.isEqualTo(expected);
	}

	@Test
	void anOwnerThatIsDownOrHangsLeavesTheRefusalOfBeforeWithinTheTimeout() throws Exception {
		Person alice = customer("alice");
		accountService.member(alice.id(), alice.email(), UUID.randomUUID());
		String expected = problem(postJson("/api/trials", customer("nobody"), TRIAL), 422).path("detail").asString();

		accountService.answer(FakeAccountService.Mode.FAILS);
		assertThat(problem(postJson("/api/trials", alice, TRIAL), 422).path("detail").asString()).isEqualTo(expected);

		accountService.answer(FakeAccountService.Mode.HANGS);
		long started = System.nanoTime();
		assertThat(problem(postJson("/api/trials", alice, TRIAL), 422).path("detail").asString()).isEqualTo(expected);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the 1 s test timeout, not the hang")
			.isLessThan(Duration.ofSeconds(3));

		accountService.answer(FakeAccountService.Mode.ANSWERS);
		json(postJson("/api/trials", alice, TRIAL), 201);
	}

	private long members(UUID organizationId) {
		return jdbc.sql("select count(*) from organization_member where organization_id = ?")
			.param(organizationId)
			.query(Long.class)
			.single();
	}

}
