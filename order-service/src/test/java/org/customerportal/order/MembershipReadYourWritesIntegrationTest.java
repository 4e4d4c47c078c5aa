package org.customerportal.order;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.customerportal.platform.test.FakeAccountService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A person who has just created or joined an organisation quotes before order-service has heard of it:
 * account-service, asked once with the person's own token, lets them in; what it does not confirm (or
 * cannot, being down) is refused as before.
 */
class MembershipReadYourWritesIntegrationTest extends OrderIntegrationTestSupport {

	private static final String LINE = """
			[{"product":"BARCODE-READER","licenseType":"ANNUAL","quota":1}]""";

	@RegisterExtension
	final FakeAccountService accountService = FakeAccountService.get();

	@Test
	void theCreatorOfANewOrganizationQuotesAndOrdersBeforeItsEventsArriveWhichThenStillApply() throws Exception {
		Person creator = person(UUID.randomUUID());
		accountService.member(creator.userId(), creator.email(), creator.organizationId());

		String bearer = creator.bearer();
		JsonNode quote = json(mvc
			.perform(post("/api/quotes").header("Authorization", bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"organizationId\":\"" + creator.organizationId() + "\",\"lines\":" + LINE + "}"))
			.andExpect(status().isCreated())
			.andReturn());
		assertThat(accountService.tokensSeen()).as("asked once, with the caller's own token")
			.containsExactly(bearer.substring("Bearer ".length()));
		String quoteId = quote.get("id").asString();
		mvc.perform(get("/api/quotes/" + quoteId).header("Authorization", creator.bearer()))
			.andExpect(status().isOk());
		mvc.perform(post("/api/quotes/" + quoteId + "/order").header("Authorization", creator.bearer()))
			.andExpect(status().isCreated());
		assertThat(accountService.tokensSeen()).as("the confirmed membership is known from then on").hasSize(1);

		// the events that were on their way apply cleanly over what account-service confirmed (a failing
		// handler would be retried and dead-lettered, never recorded as applied)
		String created = publishAccountEvent("portal.organization.created.v1", creator.organizationId().toString(),
				Map.of("organizationId", creator.organizationId().toString(), "name", "Newco",
						"primaryContactId", creator.userId(), "primaryContactEmail", creator.email()));
		awaitApplied(created, memberJoined(creator));
		assertThat(memberships(creator.organizationId())).isEqualTo(1);
	}

	@Test
	void aNewlyJoinedColleagueSeesAndOrdersTheOrganizationsQuotes() throws Exception {
		Person creator = newOrganization();
		String first = createQuote(creator, LINE).get("id").asString();
		String second = createQuote(creator, LINE).get("id").asString();
		Person reader = person(creator.organizationId());
		Person buyer = person(creator.organizationId());
		accountService.member(reader.userId(), reader.email(), reader.organizationId());
		accountService.member(buyer.userId(), buyer.email(), buyer.organizationId());

		mvc.perform(get("/api/quotes/" + first).header("Authorization", reader.bearer())).andExpect(status().isOk());
		JsonNode order = json(mvc.perform(post("/api/quotes/" + second + "/order").header("Authorization", buyer.bearer()))
			.andExpect(status().isCreated())
			.andReturn());
		assertThat(order.at("/contacts/0/email").asString()).isEqualTo(buyer.email());
	}

	@Test
	void anOwnerNamingAnotherOrganizationOrNoneGetsTheRefusalOfBefore() throws Exception {
		Person creator = newOrganization();
		String expected = quoteRefusal(person(creator.organizationId()));
		Person elsewhere = person(creator.organizationId());
		accountService.member(elsewhere.userId(), elsewhere.email(), UUID.randomUUID());
		Person nowhere = person(creator.organizationId());

		assertThat(quoteRefusal(elsewhere)).isEqualTo(expected);
		assertThat(quoteRefusal(nowhere)).isEqualTo(expected);
		assertThat(accountService.tokensSeen()).hasSize(3);
		assertThat(memberships(creator.organizationId())).as("nothing recorded").isEqualTo(1);
	}

	@Test
	void anOwnerThatIsDownOrHangsLeavesTheRefusalOfBeforeWithinTheTimeout() throws Exception {
		Person creator = person(UUID.randomUUID());
		accountService.member(creator.userId(), creator.email(), creator.organizationId());
		String expected = quoteRefusal(person(UUID.randomUUID()));

		accountService.answer(FakeAccountService.Mode.FAILS);
		assertThat(quoteRefusal(creator)).isEqualTo(expected);

		accountService.answer(FakeAccountService.Mode.HANGS);
		long started = System.nanoTime();
		assertThat(quoteRefusal(creator)).isEqualTo(expected);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the 1 s test timeout, not the hang")
			.isLessThan(Duration.ofSeconds(3));

		accountService.answer(FakeAccountService.Mode.ANSWERS);
		createQuote(creator, LINE);
	}

	private String quoteRefusal(Person person) throws Exception {
		ResultActions result = mvc.perform(post("/api/quotes").header("Authorization", person.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":\"" + person.organizationId() + "\",\"lines\":" + LINE + "}"))
			.andExpect(status().isNotFound());
		return json(result.andReturn()).get("detail").asString();
	}

	private long memberships(UUID organizationId) {
		return jdbc.sql("select count(*) from membership where organization_id = ?")
			.param(organizationId)
			.query(Long.class)
			.single();
	}

}
