package org.customerportal.platform.membership;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import org.customerportal.platform.membership.AccountService.Me;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.concurrent.CallExecutors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the owner's answer lets a caller in, and that no answer never does.
 */
class MembershipLookupTest {

	static final UUID ACME = UUID.randomUUID();

	static final CurrentUser ALICE = new CurrentUser("alice-id", "alice@example.com", true, "Alice", Set.of("customer"));

	final List<String> tokens = new CopyOnWriteArrayList<>();

	final CountDownLatch never = new CountDownLatch(1);

	final ThreadPoolTaskExecutor calls = CallExecutors.bounded("membership-lookup", 16);

	@BeforeEach
	void start() {
		calls.initialize();
	}

	@AfterEach
	void stop() {
		never.countDown();
		calls.shutdown();
	}

	MembershipLookup lookup(AccountService owner) {
		AccountService recording = token -> {
			tokens.add(token);
			return owner.me(token);
		};
		return new MembershipLookup(recording,
				CircuitBreaker.of("test", MembershipLookup.circuitBreakerConfig(Duration.ofMinutes(1))),
				TimeLimiter.of(MembershipLookup.timeLimiterConfig(Duration.ofMillis(300))), calls);
	}

	@Test
	void theOwnerNamingTheOrganizationConfirmsTheMembershipAskedWithTheCallersToken() {
		MembershipLookup lookup = lookup(token -> new Me("alice-id", "alice@example.com", "Alice A.", ACME));

		assertThat(lookup.confirm(ACME, ALICE, "alice-token"))
			.contains(new OwnerMembership(ACME, "alice-id", "alice@example.com", "Alice A."));
		assertThat(tokens).containsExactly("alice-token");
	}

	@Test
	void anotherOrganizationOrNoneConfirmsNothing() {
		assertThat(lookup(token -> new Me("alice-id", "alice@example.com", "Alice", UUID.randomUUID()))
			.confirm(ACME, ALICE, "t")).isEmpty();
		assertThat(lookup(token -> new Me("alice-id", "alice@example.com", "Alice", null)).organizationOf(ALICE, "t"))
			.isEmpty();
	}

	@Test
	void anAnswerAboutSomeoneElseConfirmsNothing() {
		assertThat(lookup(token -> new Me("mallory-id", "m@example.com", "Mallory", ACME)).confirm(ACME, ALICE, "t"))
			.isEmpty();
	}

	@Test
	void missingNameAndEmailComeFromTheToken() {
		assertThat(lookup(token -> new Me("alice-id", null, null, ACME)).organizationOf(ALICE, "t"))
			.contains(new OwnerMembership(ACME, "alice-id", "alice@example.com", "Alice"));
	}

	@Test
	void anOwnerThatFailsOrRefusesGivesNoAnswerAndNoException() {
		assertThat(lookup(token -> {
			throw new ResourceAccessException("Connection refused");
		}).confirm(ACME, ALICE, "t")).isEmpty();
		assertThat(lookup(token -> {
			throw HttpClientErrorException.create(HttpStatus.UNAUTHORIZED, "Unauthorized", null, null, null);
		}).confirm(ACME, ALICE, "t")).isEmpty();
	}

	@Test
	void anOwnerThatDoesNotAnswerInTimeGivesNoAnswerAfterTheTimeout() {
		MembershipLookup lookup = lookup(token -> {
			try {
				never.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return new Me("alice-id", "alice@example.com", "Alice", ACME);
		});

		long started = System.nanoTime();
		assertThat(lookup.confirm(ACME, ALICE, "t")).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250),
				Duration.ofMillis(2000));
	}

	@Test
	void afterRepeatedFailuresTheOwnerIsNotAskedUntilTheCircuitCloses() {
		MembershipLookup lookup = lookup(token -> {
			throw new ResourceAccessException("Connection refused");
		});
		for (int i = 0; i < 10; i++) {
			lookup.confirm(ACME, ALICE, "t");
		}
		assertThat(tokens).hasSize(10);

		assertThat(lookup.confirm(ACME, ALICE, "t")).isEmpty();
		assertThat(tokens).as("the open circuit answers without asking").hasSize(10);
	}

	@Test
	void refusalsAboutTheCallerDoNotOpenTheCircuit() {
		MembershipLookup lookup = lookup(token -> {
			throw HttpClientErrorException.create(HttpStatus.FORBIDDEN, "Forbidden", null, null, null);
		});
		for (int i = 0; i < 11; i++) {
			lookup.confirm(ACME, ALICE, "t");
		}
		assertThat(tokens).hasSize(11);
	}

	@Test
	void withoutAnAccessTokenInTheRequestNobodyIsAsked() {
		assertThat(lookup(token -> new Me("alice-id", "alice@example.com", "Alice", ACME)).confirm(ACME, ALICE))
			.isEmpty();
		assertThat(tokens).isEmpty();
	}

}
