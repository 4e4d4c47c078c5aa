package org.customerportal.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parallel requests over real HTTP: the database keeps the rules when several calls race.
 */
class ConcurrencyIntegrationTest extends AccountIntegrationTestSupport {

	static final int PARALLEL = 8;

	static final ExecutorService THREADS = Executors.newFixedThreadPool(PARALLEL);

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@AfterAll
	static void stopThreads() {
		THREADS.shutdownNow();
	}

	@Test
	void concurrentFirstCallsRegisterOnePerson() throws Exception {
		Person alice = person("Alice");

		List<Integer> statuses = race(() -> send("GET", "/api/me", alice, null));

		assertThat(statuses).containsOnly(200);
		assertThat(jdbc.queryForObject("select count(*) from portal_user where id = ?", Integer.class, alice.id()))
			.isOne();
	}

	@Test
	void concurrentCreationsGiveOneOrganization() throws Exception {
		Person alice = person("Alice");

		List<Integer> statuses = race(() -> send("POST", "/api/organizations", alice, json("name", "Acme")));

		assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
		assertThat(jdbc.queryForObject("select count(*) from membership where user_id = ?", Integer.class, alice.id()))
			.isOne();
	}

	@Test
	void concurrentInvitationsToOneAddressGiveOneInvitation() throws Exception {
		Person alice = person("Alice");
		UUID acme = createOrganization(alice, "Acme");

		List<Integer> statuses = race(() -> send("POST", "/api/organizations/" + acme + "/invitations", alice,
				json("email", "bob@example.com")));

		assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
		assertThat(jdbc.queryForObject("select count(*) from invitation where organization_id = ?", Integer.class,
				acme))
			.isOne();
	}

	@Test
	void concurrentInvitationsCannotBothTakeTheLastOneOfTheDay(
			@org.springframework.beans.factory.annotation.Value("${portal.account.invitations.daily-limit}") int dailyLimit)
			throws Exception {
		Person alice = person("Alice");
		UUID acme = createOrganization(alice, "Acme");
		for (int i = 0; i < dailyLimit - 1; i++) {
			assertThat(send("POST", "/api/organizations/" + acme + "/invitations", alice,
					json("email", "earlier-" + i + "@example.com"))).isEqualTo(201);
		}

		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < PARALLEL; i++) {
			String email = "racer-" + i + "@example.com";
			calls.add(() -> send("POST", "/api/organizations/" + acme + "/invitations", alice, json("email", email)));
		}
		List<Integer> statuses = race(calls);

		assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 422);
		assertThat(jdbc.queryForObject("select count(*) from invitation where organization_id = ?", Integer.class,
				acme)).isEqualTo(dailyLimit);
	}

	@Test
	void concurrentAcceptancesJoinOnce() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		UUID acme = createOrganization(alice, "Acme");
		Invitation invitation = invite(alice, acme, bob.email());

		List<Integer> statuses = race(() -> send("POST", "/api/invitations/" + invitation.id() + "/accept", bob,
				json("token", invitation.token())));

		assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
		assertThat(jdbc.queryForObject("select count(*) from membership where organization_id = ?", Integer.class,
				acme))
			.isEqualTo(2);
	}

	@Test
	void concurrentPrimaryContactChangesAndRemovalsLeaveAMemberInCharge() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		UUID acme = organizationOf(alice, bob);

		// Alice hands over to Bob while Bob leaves: never may the primary contact be someone who left.
		// (Once Bob is primary contact, Alice's further attempts are refused with 403, and Bob's with 422;
		// once Bob has left, the organisation is no longer his to see: 404.)
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < PARALLEL / 2; i++) {
			calls.add(() -> send("PUT", "/api/organizations/" + acme + "/primary-contact", alice,
					json("userId", bob.id())));
			calls.add(() -> send("DELETE", "/api/organizations/" + acme + "/users/" + bob.id(), bob, null));
		}
		List<Integer> statuses = race(calls);

		assertThat(statuses).allMatch(status -> Set.of(200, 204, 403, 404, 409, 422).contains(status));
		String primary = jdbc.queryForObject("select primary_contact_id from organization where id = ?", String.class,
				acme);
		assertThat(jdbc.queryForObject("select count(*) from membership where organization_id = ? and user_id = ?",
				Integer.class, acme, primary))
			.isOne();
	}

	private List<Integer> race(Callable<Integer> call) throws Exception {
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < PARALLEL; i++) {
			calls.add(call);
		}
		return race(calls);
	}

	/** Starts the calls together and returns their statuses. */
	private List<Integer> race(List<Callable<Integer>> calls) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> futures = new ArrayList<>();
		for (Callable<Integer> call : calls) {
			futures.add(THREADS.submit(() -> {
				start.await();
				return call.call();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> future : futures) {
			statuses.add(future.get());
		}
		return statuses;
	}

	private int send(String method, String path, Person as, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + as.token());
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
