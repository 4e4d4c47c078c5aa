package org.customerportal.e2e.journeys;

import java.util.Map;
import java.util.UUID;

import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.join;
import static org.customerportal.e2e.support.Steps.signIn;

/**
 * Journey 3: only the current primary contact assigns a new one. Bob cannot make himself primary (403);
 * Alice assigns him, and then she is the one who cannot take it back.
 */
@EndToEndTest
@Order(3)
class PrimaryContactJourneyTest {

	private final User alice = Keycloak.customer("alice", "Alice", "Anderson");

	private final User bob = Keycloak.customer("bob", "Bob", "Brown");

	@Test
	void onlyThePrimaryContactHandsTheRoleOn() {
		UUID organization = createOrganization(alice, "Anderson Imaging");
		join(bob, organization, alice);
		String primaryContact = "/api/organizations/" + organization + "/primary-contact";

		bob.put(primaryContact, Map.of("userId", bob.id())).expect(403);
		assertThat(signIn(bob).path("primaryContact").asBoolean()).isFalse();
		assertThat(alice.get("/api/organizations/" + organization).expect(200).json().path("primaryContactId").asString())
			.isEqualTo(alice.id());

		JsonNode assigned = alice.put(primaryContact, Map.of("userId", bob.id())).expect(200).json();
		assertThat(assigned.path("primaryContactId").asString()).isEqualTo(bob.id());
		assertThat(signIn(bob).path("primaryContact").asBoolean()).isTrue();
		assertThat(signIn(alice).path("primaryContact").asBoolean()).isFalse();

		alice.put(primaryContact, Map.of("userId", alice.id())).expect(403);
		assertThat(bob.get("/api/organizations/" + organization).expect(200).json().path("primaryContactId").asString())
			.isEqualTo(bob.id());
	}

}
