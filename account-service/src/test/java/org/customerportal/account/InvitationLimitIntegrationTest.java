package org.customerportal.account;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A company sends at most {@code portal.account.invitations.daily-limit} invitations in any 24 hours:
 * every one is an e-mail we send in its name.
 */
class InvitationLimitIntegrationTest extends AccountIntegrationTestSupport {

	@Value("${portal.account.invitations.daily-limit}")
	int dailyLimit;

	@Test
	void beyondTheDailyLimitAnInvitationIsRefusedWithWhenToTryAgainUntilTheOldestIsADayOld() throws Exception {
		Person alice = person("Alice");
		UUID acme = createOrganization(alice, "Acme");
		sendInvitations(alice, acme, 1, "first");
		clock.advance(Duration.ofHours(2));
		sendInvitations(alice, acme, dailyLimit - 1, "later");

		String refusal = body(send(alice, acme, "one-too-many@example.com").andExpect(status().isUnprocessableContent()))
			.get("detail").asString();

		assertThat(refusal).startsWith("Your company has sent " + dailyLimit + " invitations in the last 24 hours");
		assertThat(refusal).contains("You can invite more people after ");
		// the first one leaves the window 22 hours later, not 24 hours after the last
		clock.advance(Duration.ofHours(22).plusMinutes(1));
		send(alice, acme, "one-too-many@example.com").andExpect(status().isCreated());
		send(alice, acme, "two-too-many@example.com").andExpect(status().isUnprocessableContent());
	}

	@Test
	void theLimitIsPerCompany() throws Exception {
		Person alice = person("Alice");
		UUID acme = createOrganization(alice, "Acme");
		sendInvitations(alice, acme, dailyLimit, "acme");
		send(alice, acme, "refused@example.com").andExpect(status().isUnprocessableContent());

		Person carol = person("Carol");
		UUID globex = createOrganization(carol, "Globex");
		send(carol, globex, "welcome@example.com").andExpect(status().isCreated());
	}

	private void sendInvitations(Person inviter, UUID organizationId, int count, String prefix) throws Exception {
		for (int i = 0; i < count; i++) {
			send(inviter, organizationId, prefix + "-" + i + "-" + UUID.randomUUID() + "@example.com")
				.andExpect(status().isCreated());
		}
	}

	private org.springframework.test.web.servlet.ResultActions send(Person inviter, UUID organizationId, String email)
			throws Exception {
		return call(HttpMethod.POST, "/api/organizations/" + organizationId + "/invitations", inviter,
				json("email", email));
	}

}
