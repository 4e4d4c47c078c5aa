package org.customerportal.account;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.customerportal.platform.test.JsonSchemas;
import org.customerportal.platform.test.PortalIntegrationTest;
import org.customerportal.platform.test.TestTokens;
import org.customerportal.platform.test.TopicReader;
import org.customerportal.platform.time.OffsetClock;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the integration tests share: one application context against the JVM's PostgreSQL and Kafka,
 * the fake Keycloak admin API, a clock tests can move, and helpers that call the API as a person.
 * Every test makes up its own people and organisations, so tests do not see each other's data.
 */
@PortalIntegrationTest(properties = { "portal.account.invitations.accept-base-url=https://portal.example.com",
		"portal.account.keycloak.realm=" + FakeKeycloak.REALM,
		"portal.account.keycloak.client-id=" + FakeKeycloak.CLIENT_ID,
		"portal.account.keycloak.client-secret=" + FakeKeycloak.CLIENT_SECRET,
		"portal.account.keycloak.poll-interval=200ms", "portal.account.keycloak.first-retry=300ms",
		"portal.account.keycloak.max-retry=1s", "portal.account.keycloak.timeout=2s", "portal.test-clock.enabled=true",
		// a smaller day's allowance than in production, so that tests reach it quickly
		"portal.account.invitations.daily-limit=12" })
public abstract class AccountIntegrationTestSupport {

	protected static final String TOPIC = "portal.account.events";

	protected static final JsonMapper JSON = new JsonMapper();

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected OffsetClock clock;

	@Autowired
	protected JdbcTemplate jdbc;

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		registry.add("portal.account.keycloak.admin-url", () -> FakeKeycloak.get().url());
	}

	@AfterEach
	void setClockBack() {
		clock.reset();
	}

	/** Someone with a Keycloak account and a verified e-mail address of their own. */
	public record Person(String id, String email, String name, String token) {
	}

	protected static Person person(String name) {
		String id = UUID.randomUUID().toString();
		String email = name.toLowerCase() + "." + id.substring(0, 8) + "@example.com";
		return new Person(id, email, name, TestTokens.get().token().subject(id).email(email).name(name).sign());
	}

	protected static Person support(String name) {
		return staff(name, "support");
	}

	protected static Person sales(String name) {
		return staff(name, "sales");
	}

	private static Person staff(String name, String role) {
		String id = UUID.randomUUID().toString();
		String email = name.toLowerCase() + "." + id.substring(0, 8) + "@vendor.example";
		return new Person(id, email, name,
				TestTokens.get().token().subject(id).email(email).name(name).roles("customer", role).sign());
	}

	protected ResultActions call(HttpMethod method, String path, Person as) throws Exception {
		return call(method, path, as, null);
	}

	protected ResultActions call(HttpMethod method, String path, Person as, String json) throws Exception {
		MockHttpServletRequestBuilder request = request(method, path).header("Authorization", "Bearer " + as.token());
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}

	protected static JsonNode body(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}

	protected UUID createOrganization(Person creator, String name) throws Exception {
		JsonNode created = body(call(HttpMethod.POST, "/api/organizations", creator, json("name", name))
			.andExpect(status().isCreated()));
		return UUID.fromString(created.get("id").asString());
	}

	/** The invitation's id and the token from its accept link, as the invitation e-mail carries it. */
	public record Invitation(UUID id, String token, JsonNode event) {
	}

	protected Invitation invite(Person inviter, UUID organizationId, String email) throws Exception {
		JsonNode created = body(call(HttpMethod.POST, "/api/organizations/" + organizationId + "/invitations", inviter,
				json("email", email))
			.andExpect(status().isCreated()));
		String id = created.get("id").asString();
		TopicReader.Message event = awaitEvent("portal.invitation.created.v1", organizationId.toString(),
				data -> id.equals(data.path("invitationId").asString()));
		String acceptUrl = event.data().get("acceptUrl").asString();
		String token = UriComponentsBuilder.fromUriString(acceptUrl).build().getQueryParams().getFirst("token");
		return new Invitation(UUID.fromString(id), token, event.data());
	}

	protected ResultActions accept(Person person, Invitation invitation) throws Exception {
		return call(HttpMethod.POST, "/api/invitations/" + invitation.id() + "/accept", person,
				json("token", invitation.token()));
	}

	/** Creates an organisation of {@code owner} and makes {@code member} a member of it. */
	protected UUID organizationOf(Person owner, Person member) throws Exception {
		UUID organizationId = createOrganization(owner, owner.name() + "'s company");
		accept(member, invite(owner, organizationId, member.email())).andExpect(status().isOk());
		return organizationId;
	}

	/**
	 * Waits for the event of this type and key whose data matches, checks it against the published JSON
	 * Schema, and returns it.
	 */
	protected static TopicReader.Message awaitEvent(String type, String key, Predicate<JsonNode> data) {
		List<TopicReader.Message> found = TopicReader.of(TOPIC)
			.awaitMessages(m -> type.equals(m.type()) && key.equals(m.key()) && data.test(m.data()));
		TopicReader.Message message = found.get(0);
		JsonSchemas.assertValid("events/" + type.substring("portal.".length()) + ".schema.json", message.data());
		return message;
	}

	protected static String json(String field, String value) {
		return JSON.createObjectNode().put(field, value).toString();
	}

}
