package org.customerportal.e2e.journeys;

import java.util.UUID;

import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.Reply;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.eventually;

/**
 * Account removal: support removes a person's account for good, and that person can no longer sign in,
 * because account-service disables them in the real Keycloak; a customer cannot remove anyone.
 */
@EndToEndTest
@Order(8)
class AccountRemovalJourneyTest {

	private final User kim = Keycloak.customer("kim", "Kim", "Kowalski");

	private final User lee = Keycloak.customer("lee", "Lee", "Lambert");

	private final User support = Keycloak.support();

	@Test
	void aRemovedPersonCannotSignInAnyMore() {
		UUID organization = createOrganization(kim, "Kowalski Kitchens");
		Keycloak.passwordGrant(kim.username(), kim.password()).expect(200);

		lee.delete("/api/users/" + kim.id()).expect(403);
		support.delete("/api/users/" + kim.id()).expect(204);

		Reply refused = eventually("Keycloak refuses to sign Kim in", () -> Keycloak.passwordGrant(kim.username(), kim.password()),
				reply -> reply.status() != 200, "no token");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("error")).isEqualTo("invalid_grant");
		assertThat(refused.text("error_description")).containsIgnoringCase("disabled");
		assertThat(support.get("/api/organizations/" + organization + "/users").expect(200).json().path("totalItems").asInt())
			.isZero();
	}

}
