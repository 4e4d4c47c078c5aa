package org.customerportal.account;

import java.time.Duration;
import java.util.UUID;

import org.customerportal.platform.test.Actuator;
import org.customerportal.platform.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may see and do what: another organisation is invisible, only the primary contact (or support)
 * reassigns the primary contact, e-mail addresses stay as they are, and invitations open only for the
 * verified address they were sent to, while they are valid.
 */
class AccountSecurityIntegrationTest extends AccountIntegrationTestSupport {

	@LocalManagementPort
	int managementPort;

	static final String NOT_FOUND = "There is no organization with this id, or you are not a member of it.";

	@Test
	void anotherOrganizationIsInvisibleAndUntouchable() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		Person mallory = person("Mallory");
		UUID acme = organizationOf(alice, bob);
		createOrganization(mallory, "Mallory Inc");
		String path = "/api/organizations/" + acme;

		call(GET, path, mallory).andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value(NOT_FOUND));
		call(GET, path + "/users", mallory).andExpect(status().isNotFound());
		call(GET, path + "/invitations", mallory).andExpect(status().isNotFound());
		call(POST, path + "/invitations", mallory, json("email", "friend@mallory.example"))
			.andExpect(status().isNotFound());
		call(DELETE, path + "/users/" + bob.id(), mallory).andExpect(status().isNotFound());
		call(PUT, path + "/primary-contact", mallory, json("userId", bob.id())).andExpect(status().isNotFound());
		// exactly what an organisation that does not exist answers
		call(GET, "/api/organizations/" + UUID.randomUUID(), mallory).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(NOT_FOUND));

		call(GET, path, alice).andExpect(jsonPath("$.primaryContactId").value(alice.id()));
		call(GET, path + "/users", alice).andExpect(jsonPath("$.totalItems").value(2));
		call(GET, path + "/invitations", alice).andExpect(jsonPath("$.totalItems").value(0));
	}

	@Test
	void onlyThePrimaryContactAssignsANewPrimaryContact() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		UUID acme = organizationOf(alice, bob);

		call(PUT, "/api/organizations/" + acme + "/primary-contact", bob, json("userId", bob.id()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Only the current primary contact can assign a new primary contact."));

		call(GET, "/api/organizations/" + acme, bob).andExpect(jsonPath("$.primaryContactId").value(alice.id()));
	}

	@Test
	void supportReadsAnyOrganizationAndReassignsItsPrimaryContactButDoesNotActAsAMember() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		Person sam = support("Sam");
		UUID acme = organizationOf(alice, bob);
		String path = "/api/organizations/" + acme;

		call(GET, path, sam).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(acme.toString()));
		call(GET, path + "/users", sam).andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(2));
		call(PUT, path + "/primary-contact", sam, json("userId", bob.id())).andExpect(status().isOk())
			.andExpect(jsonPath("$.primaryContactId").value(bob.id()));
		awaitEvent("portal.primary-contact.changed.v1", acme.toString(),
				data -> bob.id().equals(data.get("userId").asString()));

		call(POST, path + "/invitations", sam, json("email", "someone@example.com"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Only members of the organization can do this."));
		call(DELETE, path + "/users/" + alice.id(), sam).andExpect(status().isForbidden());
		call(GET, path + "/users", sam).andExpect(jsonPath("$.totalItems").value(2));

		// nor becomes a member by creating a company of their own
		call(POST, "/api/organizations", sam, json("name", "Sam's Own Ltd"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Support staff act for the customers' companies")));
		call(GET, "/api/me", sam).andExpect(jsonPath("$.organizationId").doesNotExist());
	}

	@Test
	void theEmailAddressCannotBeChanged() throws Exception {
		Person alice = person("Alice");
		call(GET, "/api/me", alice).andExpect(status().isOk());

		call(PATCH, "/api/me", alice, "{\"email\": \"new-address@example.com\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail")
				.value("Email addresses cannot be changed in the portal. Please contact sales for assistance."));
		call(PATCH, "/api/me", alice, "{\"name\": \"Alice B.\", \"email\": \"new-address@example.com\"}")
			.andExpect(status().isUnprocessableContent());
		call(GET, "/api/me", alice).andExpect(jsonPath("$.email").value(alice.email()))
			.andExpect(jsonPath("$.name").value("Alice"));

		call(PATCH, "/api/me", alice, "{\"name\": \" Alice Baker \"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Alice Baker"))
			.andExpect(jsonPath("$.email").value(alice.email()));
		call(PATCH, "/api/me", alice, "{\"name\": \"   \"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		call(PATCH, "/api/me", alice, "{\"name\": \"" + "x".repeat(201) + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		call(GET, "/api/me", alice).andExpect(jsonPath("$.name").value("Alice Baker"));
	}

	@Test
	void anUnverifiedAddressRegistersNobodyAndCreatesNothing() throws Exception {
		String id = UUID.randomUUID().toString();
		Person unverified = new Person(id, "ceo." + id.substring(0, 8) + "@bigcorp.example", "Mallory",
				TestTokens.get().token().subject(id).email("ceo." + id.substring(0, 8) + "@bigcorp.example")
					.emailVerified(false).sign());
		String verify = "Verify your e-mail address first: open the link in the mail we sent when you signed up "
				+ "(or add an address to your profile), then sign in again.";

		call(GET, "/api/me", unverified).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(verify));
		call(POST, "/api/organizations", unverified, json("name", "Big Corp")).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(verify));

		// once Keycloak has verified the address, the same person is registered with it
		Person verified = new Person(id, unverified.email(), "Mallory",
				TestTokens.get().token().subject(id).email(unverified.email()).name("Mallory").sign());
		call(GET, "/api/me", verified).andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(unverified.email()));
	}

	@Test
	void aTokenWithoutASubjectIsRefusedWith401NotAnError() throws Exception {
		// like an access token of the realm's admin-cli client, which once answered 500 here
		Person nobody = new Person(null, "admin@example.com", "admin",
				TestTokens.get().token().withoutSubject().email("admin@example.com").sign());
		call(GET, "/api/me", nobody).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("A valid access token is required. Sign in again and retry."));
	}

	@Test
	void anInvitationOpensOnlyForTheVerifiedAddressItWasSentTo() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		Person mallory = person("Mallory");
		UUID acme = createOrganization(alice, "Acme");
		Invitation invitation = invite(alice, acme, bob.email());

		accept(mallory, invitation).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(
					"This invitation was sent to a different e-mail address. Sign in with the address that received it."));

		Person unverifiedBob = new Person(bob.id(), bob.email(), bob.name(),
				TestTokens.get().token().subject(bob.id()).email(bob.email()).emailVerified(false).sign());
		accept(unverifiedBob, invitation).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Verify your e-mail address first, then open the invitation link again."));

		call(POST, "/api/invitations/" + invitation.id() + "/accept", bob, json("token", "guessed-" + invitation.token()))
			.andExpect(status().isNotFound());

		call(GET, "/api/me", mallory).andExpect(jsonPath("$.organizationId").isEmpty());
		call(GET, "/api/organizations/" + acme + "/invitations", alice).andExpect(jsonPath("$.totalItems").value(1));

		// the address matches ignoring case
		Person shoutingBob = new Person(bob.id(), bob.email().toUpperCase(), bob.name(),
				TestTokens.get().token().subject(bob.id()).email(bob.email().toUpperCase()).sign());
		accept(shoutingBob, invitation).andExpect(status().isOk());
	}

	@Test
	void anExpiredInvitationIsGone() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		UUID acme = createOrganization(alice, "Acme");
		Invitation invitation = invite(alice, acme, bob.email());

		clock.advance(Duration.ofDays(14).plusMinutes(1));

		accept(bob, invitation).andExpect(status().isGone())
			.andExpect(jsonPath("$.detail")
				.value("This invitation has expired. Ask a member of the organization to invite you again."));
		call(GET, "/api/me", bob).andExpect(jsonPath("$.organizationId").isEmpty());
		call(GET, "/api/organizations/" + acme + "/invitations", alice).andExpect(jsonPath("$.totalItems").value(0));

		// a new invitation can be sent, and it works
		accept(bob, invite(alice, acme, bob.email())).andExpect(status().isOk());
	}

	@Test
	void onlySupportRemovesAccounts() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		UUID acme = organizationOf(alice, bob);

		call(DELETE, "/api/users/" + bob.id(), alice).andExpect(status().isForbidden());
		call(DELETE, "/api/users/" + bob.id(), bob).andExpect(status().isForbidden());
		call(DELETE, "/api/users/" + UUID.randomUUID(), support("Sam")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no account with this id."));

		call(GET, "/api/organizations/" + acme + "/users", alice).andExpect(jsonPath("$.totalItems").value(2));
		call(GET, "/api/me", bob).andExpect(status().isOk()).andExpect(jsonPath("$.email").value(bob.email()));
	}

	@Test
	void everyCallNeedsAValidToken() throws Exception {
		mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
		String forged = TestTokens.get().token().subject(UUID.randomUUID().toString()).signedWithUnknownKey().sign();
		mvc.perform(get("/api/me").header("Authorization", "Bearer " + forged)).andExpect(status().isUnauthorized());
	}

	@Test
	void probesAndMetricsAnswerOnTheManagementPortOnly() throws Exception {
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isNotFound());
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isNotFound());

		assertThat(Actuator.get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(Actuator.get(managementPort, "/actuator/prometheus").body()).contains("http_server_requests_seconds");
	}

}
