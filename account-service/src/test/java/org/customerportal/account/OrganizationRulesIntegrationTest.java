package org.customerportal.account;

import java.util.UUID;

import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rules of company accounts as a customer meets them: one organisation per person, invitations
 * only for people who are not in yet, the primary contact stays until replaced, bad input changes
 * nothing.
 */
class OrganizationRulesIntegrationTest extends AccountIntegrationTestSupport {

	@Test
	void aPersonBelongsToOneOrganizationAtATime() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		UUID acme = createOrganization(alice, "Acme");
		createOrganization(bob, "Bobco");

		call(POST, "/api/organizations", alice, json("name", "Second Acme")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail")
				.value("You already belong to an organization. Leave it before creating a new one."));

		Invitation invitation = invite(alice, acme, bob.email());
		accept(bob, invitation).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail")
				.value("You already belong to another organization. Leave it before accepting this invitation."));
		call(GET, "/api/organizations/" + acme + "/invitations", alice).andExpect(jsonPath("$.totalItems").value(1));
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
		Person alice = person("Alice");

		call(POST, "/api/organizations", alice, json("name", "  ")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		call(POST, "/api/organizations", alice, json("name", "x".repeat(201))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		call(POST, "/api/organizations", alice, "{\"name\": 42, ").andExpect(status().isBadRequest());
		call(GET, "/api/me", alice).andExpect(jsonPath("$.organizationId").isEmpty());

		UUID acme = createOrganization(alice, "Acme");
		String path = "/api/organizations/" + acme;
		call(POST, path + "/invitations", alice, json("email", "not-an-address")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		call(POST, path + "/invitations", alice, "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		call(GET, path + "/invitations", alice).andExpect(jsonPath("$.totalItems").value(0));

		call(GET, "/api/organizations/not-a-uuid", alice).andExpect(status().isBadRequest());
		call(GET, path + "/users?size=0", alice).andExpect(status().isBadRequest());
		call(GET, path + "/users?size=101", alice).andExpect(status().isBadRequest());
		call(GET, path + "/users?page=-1", alice).andExpect(status().isBadRequest());
		call(PUT, path + "/primary-contact", alice, "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("userId"));
		call(POST, "/api/invitations/" + UUID.randomUUID() + "/accept", alice, "{}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("token"));
		call(POST, "/api/invitations/" + UUID.randomUUID() + "/accept", alice, json("token", "abc"))
			.andExpect(status().isNotFound());
	}

	@Test
	void peopleAreInvitedOnceAndNotWhenAlreadyIn() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		UUID acme = organizationOf(alice, bob);
		String invitations = "/api/organizations/" + acme + "/invitations";

		call(POST, invitations, alice, json("email", bob.email().toUpperCase())).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(bob.email().toUpperCase() + " is already a member of this organization."));

		invite(alice, acme, "carol@example.com");
		call(POST, invitations, bob, json("email", "Carol@Example.com")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail")
				.value("Carol@Example.com has already been invited and the invitation is still pending."));
		call(GET, invitations, bob).andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.items[0].email").value("carol@example.com"))
			.andExpect(jsonPath("$.items[0].invitedByUserId").value(alice.id()));
	}

	@Test
	void thePrimaryContactStaysUntilReplacedWhileOthersMayLeave() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		UUID acme = organizationOf(alice, bob);
		String users = "/api/organizations/" + acme + "/users/";
		String sentence = "The primary contact cannot be removed or leave the organization until another primary "
				+ "contact is assigned.";

		call(DELETE, users + alice.id(), bob).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(sentence));
		call(DELETE, users + alice.id(), alice).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(sentence));
		call(PUT, "/api/organizations/" + acme + "/primary-contact", alice, json("userId", person("Stranger").id()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(
					"The new primary contact must be a member of the organization. Invite them first."));
		call(DELETE, users + UUID.randomUUID(), alice).andExpect(status().isNotFound());
		call(GET, "/api/organizations/" + acme, alice).andExpect(jsonPath("$.primaryContactId").value(alice.id()));

		call(DELETE, users + bob.id(), bob).andExpect(status().isNoContent());
		awaitEvent("portal.member.removed.v1", acme.toString(), data -> bob.id().equals(data.get("userId").asString()));
		call(GET, "/api/me", bob).andExpect(jsonPath("$.organizationId").isEmpty());
		// and, having left, Bob may start a company of his own
		createOrganization(bob, "Bobco");
	}

	@Test
	void membersArePaged() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		Person carol = person("Carol");
		UUID acme = organizationOf(alice, bob);
		accept(carol, invite(alice, acme, carol.email())).andExpect(status().isOk());

		call(GET, "/api/organizations/" + acme + "/users?page=1&size=2", carol).andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.totalItems").value(3))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].id").value(carol.id()));
	}

	@Test
	void removingTheLastMembersAccountLeavesTheOrganizationWithoutPrimaryContact() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		Person sam = support("Sam");
		UUID acme = createOrganization(alice, "Acme");
		Invitation pending = invite(alice, acme, bob.email());

		call(DELETE, "/api/users/" + alice.id(), sam).andExpect(status().isNoContent());
		awaitEvent("portal.user.removed.v1", alice.id(), data -> acme.toString().equals(data.get("organizationId").asString()));
		call(GET, "/api/organizations/" + acme, sam).andExpect(jsonPath("$.primaryContactId").isEmpty());
		assertThat(TopicReader.of(TOPIC).readAll())
			.noneMatch(m -> "portal.primary-contact.changed.v1".equals(m.type()) && acme.toString().equals(m.key()));

		// the invitation Alice sent before still works, and its taker becomes the primary contact
		accept(bob, pending).andExpect(status().isOk()).andExpect(jsonPath("$.primaryContactId").value(bob.id()));
		awaitEvent("portal.primary-contact.changed.v1", acme.toString(),
				data -> data.get("previousUserId").isNull() && bob.id().equals(data.get("userId").asString()));
	}

	@Test
	void removingAnAccountOutsideAnyOrganizationOnceIsEnough() throws Exception {
		Person dora = person("Dora");
		Person sam = support("Sam");
		call(GET, "/api/me", dora).andExpect(status().isOk());

		call(DELETE, "/api/users/" + dora.id(), sam).andExpect(status().isNoContent());
		call(DELETE, "/api/users/" + dora.id(), sam).andExpect(status().isNoContent());

		TopicReader.Message removed = awaitEvent("portal.user.removed.v1", dora.id(), data -> true);
		assertThat(removed.data().get("organizationId").isNull()).isTrue();
		assertThat(TopicReader.of(TOPIC).readAll()).filteredOn(m -> dora.id().equals(m.key())).hasSize(1);
		call(POST, "/api/organizations", dora, json("name", "Dora Ltd")).andExpect(status().isForbidden());
	}

}
