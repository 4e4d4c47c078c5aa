package org.customerportal.account;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A company account from its creation to the removal of an account, through the API, checking what
 * each call answers and what the other services read on {@code portal.account.events}.
 */
class AccountLifecycleIntegrationTest extends AccountIntegrationTestSupport {

	@Test
	void createInviteAcceptChangePrimaryRemoveMemberRemoveAccount() throws Exception {
		Person alice = person("Alice");
		Person bob = person("Bob");
		Person carol = person("Carol");
		Person sam = support("Sam");
		FakeKeycloak.get().addUser(bob.id(), bob.email());

		// The first call registers the person from the token.
		call(GET, "/api/me", alice).andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(alice.id()))
			.andExpect(jsonPath("$.email").value(alice.email()))
			.andExpect(jsonPath("$.name").value("Alice"))
			.andExpect(jsonPath("$.organizationId").isEmpty())
			.andExpect(jsonPath("$.primaryContact").value(false))
			.andExpect(jsonPath("$.roles[0]").value("customer"));

		// Alice creates the company account and becomes its member and primary contact.
		JsonNode organization = body(call(POST, "/api/organizations", alice,
				json("name", "  Acme Widgets  "))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith("/api/organizations/"))));
		UUID organizationId = UUID.fromString(organization.get("id").asString());
		String key = organizationId.toString();
		assertThat(organization.get("name").asString()).isEqualTo("Acme Widgets");
		assertThat(organization.get("primaryContactId").asString()).isEqualTo(alice.id());
		assertThat(organization.get("createdAt").asString()).isNotBlank();
		call(GET, "/api/me", alice).andExpect(jsonPath("$.organizationId").value(key))
			.andExpect(jsonPath("$.primaryContact").value(true));

		TopicReader.Message created = awaitEvent("portal.organization.created.v1", key, data -> true);
		assertThat(created.value().get("specversion").asString()).isEqualTo("1.0");
		assertThat(created.value().get("source").asString()).isEqualTo("/customer-portal/account-service");
		assertThat(created.value().get("subject").asString()).isEqualTo(key);
		assertThat(created.value().get("id").asString()).isEqualTo(created.data().get("eventId").asString());
		assertThat(created.data().get("name").asString()).isEqualTo("Acme Widgets");
		assertThat(created.data().get("primaryContactId").asString()).isEqualTo(alice.id());
		assertThat(created.data().get("primaryContactEmail").asString()).isEqualTo(alice.email());
		JsonNode aliceJoined = awaitEvent("portal.member.joined.v1", key,
				data -> alice.id().equals(data.get("userId").asString())).data();
		assertThat(aliceJoined.get("email").asString()).isEqualTo(alice.email());
		assertThat(aliceJoined.get("name").asString()).isEqualTo("Alice");

		// Alice invites Bob; the event carries what the invitation e-mail needs.
		Invitation bobsInvitation = invite(alice, organizationId, bob.email());
		JsonNode invitationEvent = bobsInvitation.event();
		assertThat(invitationEvent.get("organizationName").asString()).isEqualTo("Acme Widgets");
		assertThat(invitationEvent.get("email").asString()).isEqualTo(bob.email());
		assertThat(invitationEvent.get("invitedByUserId").asString()).isEqualTo(alice.id());
		assertThat(invitationEvent.get("invitedByName").asString()).isEqualTo("Alice");
		assertThat(invitationEvent.get("acceptUrl").asString())
			.startsWith("https://portal.example.com/invitations/" + bobsInvitation.id() + "?token=");
		assertThat(bobsInvitation.token()).hasSizeGreaterThanOrEqualTo(43); // 256 random bits
		assertThat(Duration.between(Instant.parse(invitationEvent.get("occurredAt").asString()),
				Instant.parse(invitationEvent.get("expiresAt").asString())))
			.isEqualTo(Duration.ofDays(14));
		assertThat(jdbc.queryForObject("select count(*) from invitation where encode(token_hash, 'escape') like ?",
				Integer.class, "%" + bobsInvitation.token() + "%"))
			.as("only the token's hash is stored")
			.isZero();
		call(GET, "/api/organizations/" + organizationId + "/invitations", alice).andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.items[0].email").value(bob.email()))
			.andExpect(jsonPath("$.items[0].token").doesNotExist());

		// The link shows Bob who invites him, and to which company; without the token it shows nothing.
		String details = "/api/invitations/" + bobsInvitation.id() + "?token=";
		call(GET, details + bobsInvitation.token(), bob).andExpect(status().isOk())
			.andExpect(jsonPath("$.organizationName").value("Acme Widgets"))
			.andExpect(jsonPath("$.invitedByName").value("Alice"))
			.andExpect(jsonPath("$.email").value(bob.email()))
			.andExpect(jsonPath("$.status").value("PENDING"));
		call(GET, details + "not-the-token", bob).andExpect(status().isNotFound());

		// Bob accepts and is a member; the invitation is used up.
		accept(bob, bobsInvitation).andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(key))
			.andExpect(jsonPath("$.primaryContactId").value(alice.id()));
		awaitEvent("portal.member.joined.v1", key, data -> bob.id().equals(data.get("userId").asString()));
		call(GET, "/api/me", bob).andExpect(jsonPath("$.organizationId").value(key))
			.andExpect(jsonPath("$.primaryContact").value(false));
		call(GET, "/api/organizations/" + organizationId + "/invitations", alice)
			.andExpect(jsonPath("$.totalItems").value(0));
		accept(bob, bobsInvitation).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("This invitation has already been accepted."));
		call(GET, details + bobsInvitation.token(), bob).andExpect(jsonPath("$.status").value("ACCEPTED"));
		call(GET, "/api/organizations/" + organizationId + "/users", bob).andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(2))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.items[0].id").value(alice.id()))
			.andExpect(jsonPath("$.items[0].primaryContact").value(true))
			.andExpect(jsonPath("$.items[1].id").value(bob.id()))
			.andExpect(jsonPath("$.items[1].email").value(bob.email()));

		// Alice hands the primary contact over to Bob.
		call(PUT, "/api/organizations/" + organizationId + "/primary-contact", alice, json("userId", bob.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.primaryContactId").value(bob.id()));
		JsonNode changed = awaitEvent("portal.primary-contact.changed.v1", key, data -> true).data();
		assertThat(changed.get("previousUserId").asString()).isEqualTo(alice.id());
		assertThat(changed.get("userId").asString()).isEqualTo(bob.id());
		call(GET, "/api/me", alice).andExpect(jsonPath("$.primaryContact").value(false));

		// Carol joins; Bob, now primary contact, removes Alice.
		accept(carol, invite(bob, organizationId, carol.email())).andExpect(status().isOk());
		call(DELETE, "/api/organizations/" + organizationId + "/users/" + alice.id(), bob)
			.andExpect(status().isNoContent());
		JsonNode aliceRemoved = awaitEvent("portal.member.removed.v1", key,
				data -> alice.id().equals(data.get("userId").asString())).data();
		assertThat(aliceRemoved.get("email").asString()).isEqualTo(alice.email());
		call(GET, "/api/me", alice).andExpect(jsonPath("$.organizationId").isEmpty());
		call(GET, "/api/organizations/" + organizationId, alice).andExpect(status().isNotFound());

		// Support removes Bob's account: Carol, the longest-standing remaining member, takes over.
		call(DELETE, "/api/users/" + bob.id(), sam).andExpect(status().isNoContent());
		awaitEvent("portal.member.removed.v1", key, data -> bob.id().equals(data.get("userId").asString()));
		JsonNode takeover = awaitEvent("portal.primary-contact.changed.v1", key,
				data -> carol.id().equals(data.get("userId").asString())).data();
		assertThat(takeover.get("previousUserId").asString()).isEqualTo(bob.id());
		TopicReader.Message userRemoved = awaitEvent("portal.user.removed.v1", bob.id(), data -> true);
		assertThat(userRemoved.data().get("userId").asString()).isEqualTo(bob.id());
		assertThat(userRemoved.data().get("organizationId").asString()).isEqualTo(key);

		call(GET, "/api/organizations/" + organizationId, sam).andExpect(status().isOk())
			.andExpect(jsonPath("$.primaryContactId").value(carol.id()));
		call(GET, "/api/organizations/" + organizationId + "/users", sam)
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.items[0].id").value(carol.id()));
		call(GET, "/api/me", bob).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("This account has been removed. Contact support if you think this is a mistake."));
		assertThat(jdbc.queryForList("select email, name from portal_user where id = ?", bob.id()))
			.singleElement()
			.satisfies(row -> assertThat(row).containsEntry("email", null).containsEntry("name", null));
		assertThat(jdbc.queryForObject("select count(*) from invitation where lower(email) = lower(?)", Integer.class,
				bob.email()))
			.isZero();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(FakeKeycloak.get().isEnabled(bob.id())).as("Bob can no longer sign in").isFalse();
			assertThat(FakeKeycloak.get().wasLoggedOut(bob.id())).isTrue();
		});
	}

}
