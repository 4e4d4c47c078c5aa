package org.customerportal.account;

import java.util.UUID;

import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Members resend an invitation (a new link; the old one opens nothing any more) and withdraw one; nobody
 * else may.
 */
class InvitationResendWithdrawIntegrationTest extends AccountIntegrationTestSupport {

	@Test
	void aResentInvitationHasANewLinkAndTheOldOneIsNoLongerValid() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		Person carol = person("Carol");
		UUID organizationId = organizationOf(alice, bob);
		Invitation first = invite(alice, organizationId, carol.email());
		String invitations = "/api/organizations/" + organizationId + "/invitations/";

		// bob, another member, resends it
		JsonNode resent = body(call(HttpMethod.POST, invitations + first.id() + "/resend", bob)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.email").value(carol.email())));
		String newId = resent.get("id").asString();
		assertThat(newId).isNotEqualTo(first.id().toString());
		TopicReader.Message event = awaitEvent("portal.invitation.created.v1", organizationId.toString(),
				data -> newId.equals(data.path("invitationId").asString()));
		assertThat(event.data().get("replacesInvitationId").asString()).isEqualTo(first.id().toString());
		assertThat(event.data().get("invitedByName").asString()).isEqualTo("Bob");
		String token = UriComponentsBuilder.fromUriString(event.data().get("acceptUrl").asString())
			.build()
			.getQueryParams()
			.getFirst("token");
		assertThat(token).isNotEqualTo(first.token());

		// the old link says it is no longer valid; the list shows only the new invitation
		call(HttpMethod.GET, "/api/invitations/" + first.id() + "?token=" + first.token(), carol)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REPLACED"));
		accept(carol, first).andExpect(status().isGone())
			.andExpect(jsonPath("$.detail").value("This invitation is no longer valid: a newer invitation was sent "
					+ "to this address. Open the link in the most recent invitation e-mail."));
		call(HttpMethod.GET, "/api/organizations/" + organizationId + "/invitations", alice)
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.items[0].id").value(newId));
		call(HttpMethod.POST, invitations + first.id() + "/resend", alice).andExpect(status().isConflict());

		accept(carol, new Invitation(UUID.fromString(newId), token, event.data())).andExpect(status().isOk());
	}

	@Test
	void aWithdrawnInvitationCannotBeAcceptedAndOnlyMembersWithdraw() throws Exception {
		Person alice = person("Alice");
		Person dave = person("Dave");
		Person mallory = person("Mallory");
		UUID organizationId = createOrganization(alice, "Alice's company");
		createOrganization(mallory, "Mallory's company");
		Invitation invitation = invite(alice, organizationId, dave.email());
		String path = "/api/organizations/" + organizationId + "/invitations/" + invitation.id();

		// someone of another company does not see it; support sees the company but is no member
		call(HttpMethod.DELETE, path, mallory).andExpect(status().isNotFound());
		call(HttpMethod.POST, path + "/resend", mallory).andExpect(status().isNotFound());
		call(HttpMethod.DELETE, path, support("Sam")).andExpect(status().isForbidden());
		// an invitation of another company through this company's path: not found
		call(HttpMethod.DELETE, "/api/organizations/" + organizationId + "/invitations/" + UUID.randomUUID(), alice)
			.andExpect(status().isNotFound());

		call(HttpMethod.DELETE, path, alice).andExpect(status().isNoContent());
		TopicReader.Message withdrawn = awaitEvent("portal.invitation.withdrawn.v1", organizationId.toString(),
				data -> invitation.id().toString().equals(data.path("invitationId").asString()));
		assertThat(withdrawn.data().get("withdrawnByUserId").asString()).isEqualTo(alice.id());
		call(HttpMethod.GET, "/api/invitations/" + invitation.id() + "?token=" + invitation.token(), dave)
			.andExpect(jsonPath("$.status").value("WITHDRAWN"));
		accept(dave, invitation).andExpect(status().isGone())
			.andExpect(jsonPath("$.detail").value("This invitation is no longer valid: the organization withdrew it. "
					+ "Ask a member of the organization to invite you again."));
		call(HttpMethod.DELETE, path, alice).andExpect(status().isConflict());
		call(HttpMethod.GET, "/api/organizations/" + organizationId + "/invitations", alice)
			.andExpect(jsonPath("$.totalItems").value(0));
		// and dave can be invited again
		invite(alice, organizationId, dave.email());
	}

}
