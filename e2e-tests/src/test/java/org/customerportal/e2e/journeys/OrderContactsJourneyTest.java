package org.customerportal.e2e.journeys;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportal.e2e.support.Steps.awaitLicenses;
import static org.customerportal.e2e.support.Steps.buy;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.eventually;
import static org.customerportal.e2e.support.Steps.join;
import static org.customerportal.e2e.support.Steps.line;
import static org.customerportal.e2e.support.Steps.signIn;

/**
 * Journey 2: order contacts decide who sees a licence. Carol, who is not in Alice's organisation, cannot
 * be added (the FAQ's sentence); Bob, a member, can, and then sees the licence; once removed he gets 404.
 */
@EndToEndTest
@Order(2)
class OrderContactsJourneyTest {

	private final User alice = Keycloak.customer("alice", "Alice", "Anderson");

	private final User bob = Keycloak.customer("bob", "Bob", "Brown");

	private final User carol = Keycloak.customer("carol", "Carol", "Clark");

	@Test
	void onlyMembersBecomeContactsAndContactsSeeTheLicense() {
		UUID organization = createOrganization(alice, "Anderson Imaging");
		join(bob, organization, alice);
		signIn(carol);
		JsonNode order = buy(alice, organization, List.of(line("LABEL-RECOGNIZER", "ANNUAL", 1)));
		String orderId = order.path("id").asString();
		String licenseId = awaitLicenses(alice, orderId, 1).get(0).path("id").asString();
		String contacts = "/api/orders/" + orderId + "/contacts";

		JsonNode refused = alice.post(contacts, Map.of("email", carol.email())).expect(422).json();
		assertThat(refused.path("detail").asString())
			.isEqualTo(carol.email() + " is not linked to your organization and cannot be added to Contacts.");
		assertThat(alice.get(contacts).expect(200).json().path("items").findValuesAsString("email")).containsExactly(alice.email());

		// order-service learns that Bob joined from account-service's events
		JsonNode added = eventually("Bob added as a contact", 201, () -> alice.post(contacts, Map.of("email", bob.email())))
			.json();
		assertThat(added.path("userId").asString()).isEqualTo(bob.id());
		assertThat(alice.get(contacts).expect(200).json().path("items").findValuesAsString("email"))
			.containsExactlyInAnyOrder(alice.email(), bob.email());

		JsonNode seenByBob = eventually("Bob sees the licence", 200, () -> bob.get("/api/licenses/" + licenseId)).json();
		assertThat(seenByBob.path("orderId").asString()).isEqualTo(orderId);
		assertThat(awaitLicenses(bob, orderId, 1)).hasSize(1);
		bob.get("/api/orders/" + orderId).expect(200);

		alice.delete(contacts + "/" + bob.id()).expect(204);
		assertThat(alice.get(contacts).expect(200).json().path("items").findValuesAsString("email")).containsExactly(alice.email());
		eventually("Bob no longer sees the licence", 404, () -> bob.get("/api/licenses/" + licenseId));
		assertThat(awaitLicenses(bob, orderId, 0)).isEmpty();
		bob.get("/api/orders/" + orderId).expect(404);
	}

}
