package org.customerportal.account;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A removed person is disabled in Keycloak even when Keycloak does not answer at first: the request
 * waits in the database and is tried again, with growing pauses, until Keycloak has done it.
 */
class KeycloakDisablingIntegrationTest extends AccountIntegrationTestSupport {

	final FakeKeycloak keycloak = FakeKeycloak.get();

	@AfterEach
	void keycloakBack() {
		keycloak.failNext(0);
	}

	@Test
	void whileKeycloakIsDownTheDisablingWaitsAndIsRetriedUntilItSucceeds() throws Exception {
		Person bob = person("Bob");
		keycloak.addUser(bob.id(), bob.email());
		createOrganization(bob, "Bobco");
		keycloak.failNext(Integer.MAX_VALUE);

		call(DELETE, "/api/users/" + bob.id(), support("Sam")).andExpect(status().isNoContent());

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(pendingTask(bob))
			.hasValueSatisfying(attempts -> assertThat(attempts).isGreaterThanOrEqualTo(3)));
		assertThat(keycloak.isEnabled(bob.id())).as("Keycloak has not been reached yet").isTrue();
		assertThat(jdbc.queryForObject("select last_error from keycloak_disable_task where user_id = ?", String.class,
				bob.id()))
			.contains("503");

		keycloak.failNext(0);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			assertThat(keycloak.isEnabled(bob.id())).isFalse();
			assertThat(keycloak.wasLoggedOut(bob.id())).isTrue();
			assertThat(pendingTask(bob)).isEmpty();
		});
		// nothing else about the person changed in Keycloak
		assertThat(keycloak.user(bob.id())).containsEntry("email", bob.email())
			.containsEntry("attributes", Map.of("locale", List.of("en")));
	}

	@Test
	void aRevokedServiceAccountTokenIsReplaced() throws Exception {
		Person first = person("First");
		Person second = person("Second");
		keycloak.addUser(first.id(), first.email());
		keycloak.addUser(second.id(), second.email());
		call(GET, "/api/me", first).andExpect(status().isOk());
		call(GET, "/api/me", second).andExpect(status().isOk());
		call(DELETE, "/api/users/" + first.id(), support("Sam")).andExpect(status().isNoContent());
		await().atMost(Duration.ofSeconds(15)).until(() -> !keycloak.isEnabled(first.id()));
		int tokens = keycloak.tokensIssued();

		keycloak.revokeTokens();
		call(DELETE, "/api/users/" + second.id(), support("Sam")).andExpect(status().isNoContent());

		await().atMost(Duration.ofSeconds(15)).until(() -> !keycloak.isEnabled(second.id()));
		assertThat(keycloak.tokensIssued()).isGreaterThan(tokens);
	}

	@Test
	void aPersonKeycloakDoesNotKnowIsNotRetriedForever() throws Exception {
		Person ghost = person("Ghost");
		createOrganization(ghost, "Ghost Ltd");

		call(DELETE, "/api/users/" + ghost.id(), support("Sam")).andExpect(status().isNoContent());

		await().atMost(Duration.ofSeconds(15)).until(() -> keycloak.requestsFor(ghost.id()) > 0);
		await().atMost(Duration.ofSeconds(15)).until(() -> pendingTask(ghost).isEmpty());
	}

	private Optional<Integer> pendingTask(Person person) {
		return jdbc.queryForList("select attempts from keycloak_disable_task where user_id = ?", Integer.class,
				person.id())
			.stream()
			.findFirst();
	}

}
