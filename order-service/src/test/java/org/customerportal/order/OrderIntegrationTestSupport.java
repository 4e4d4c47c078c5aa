package org.customerportal.order;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.customerportal.order.payment.ScriptedPaymentProvider;
import org.customerportal.platform.test.FakeAccountService;
import org.customerportal.platform.test.JsonSchemas;
import org.customerportal.platform.test.PortalIntegrationTest;
import org.customerportal.platform.test.TestTokens;
import org.customerportal.platform.test.TopicReader;
import org.customerportal.platform.time.OffsetClock;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One Spring context for every integration test: the service against the JVM's real PostgreSQL and
 * Kafka, fed account and licence events as CloudEvents on their topics (as account-service and
 * license-service write them), with a clock tests can move and the simulated payment provider (its
 * test payment page) behind a {@link ScriptedPaymentProvider} that tests can make misbehave.
 */
@PortalIntegrationTest(properties = { "portal.events.retry-backoff=100ms",
		"portal.events.topics=portal.order.events,portal.catalog.events,portal.account.events,portal.license.events,portal.account.events.dlt,portal.license.events.dlt",
		"portal.test-clock.enabled=true", "resilience4j.timelimiter.instances.payment-provider.timeout-duration=2s",
		"portal.order.payments.reconcile-interval=1s", "portal.account-service.timeout=1s",
		"portal.order.payments.provider=simulated",
		"portal.order.payments.portal-base-url=" + OrderIntegrationTestSupport.PORTAL,
		"portal.order.payments.return-url-origins=https://shop.example.test:8443",
		"portal.order.payments.simulated.page-base-url=https://api.example.test" })
@Import(ScriptedPaymentProvider.class)
public abstract class OrderIntegrationTestSupport {

	protected static final String PORTAL = "https://portal.example.test";

	protected static final JsonMapper JSON = new JsonMapper();

	protected static final TestTokens TOKENS = TestTokens.get();

	protected static final TopicReader ORDER_EVENTS = TopicReader.of("portal.order.events");

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected OffsetClock clock;

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** account-service, as far as this service asks it about memberships it does not know yet. */
	@DynamicPropertySource
	static void accountService(DynamicPropertyRegistry registry) {
		registry.add("portal.account-service.url", () -> FakeAccountService.get().url());
	}

	/** A person of an organisation, as account-service announced them. */
	protected record Person(UUID organizationId, String userId, String email) {

		public String bearer() {
			return "Bearer " + TOKENS.customer(userId, email);
		}

	}

	protected static String supportBearer() {
		return "Bearer " + TOKENS.support("support-" + UUID.randomUUID(), "support@vendor.example");
	}

	/** A new organisation with its creator as member and primary contact, once order-service knows them. */
	protected Person newOrganization() {
		UUID organizationId = UUID.randomUUID();
		Person creator = person(organizationId);
		String created = publishAccountEvent("portal.organization.created.v1", organizationId.toString(),
				Map.of("organizationId", organizationId.toString(), "name", "Acme " + organizationId.toString().substring(0, 6),
						"primaryContactId", creator.userId(), "primaryContactEmail", creator.email()));
		String joined = memberJoined(creator);
		awaitApplied(created, joined);
		return creator;
	}

	/** Another member of the organisation, once order-service knows them. */
	protected Person newMember(UUID organizationId) {
		Person member = person(organizationId);
		awaitApplied(memberJoined(member));
		return member;
	}

	/** A person account-service has created but whose member.joined is not sent yet. */
	protected static Person person(UUID organizationId) {
		String userId = UUID.randomUUID().toString();
		return new Person(organizationId, userId, "user-" + userId.substring(0, 8) + "@example.com");
	}

	protected String memberJoined(Person person) {
		return publishAccountEvent("portal.member.joined.v1", person.organizationId().toString(),
				Map.of("organizationId", person.organizationId().toString(), "userId", person.userId(), "email",
						person.email(), "name", "Person " + person.userId().substring(0, 4)));
	}

	protected String publishAccountEvent(String type, String key, Map<String, ?> data) {
		return publish("portal.account.events", "account-service", type, key, data);
	}

	/** license-service's {@code license.issued} for a licence bought by the given order. */
	protected UUID licenseIssued(UUID orderId, UUID organizationId, String product, LicenseType type, int quota,
			int productVersion) {
		UUID licenseId = UUID.randomUUID();
		LocalDate today = LocalDate.now(clock);
		Map<String, Object> data = new java.util.LinkedHashMap<>();
		data.put("licenseId", licenseId.toString());
		data.put("orderId", orderId.toString());
		data.put("organizationId", organizationId.toString());
		data.put("product", product);
		data.put("type", type.name());
		data.put("productVersion", productVersion);
		data.put("quota", quota);
		data.put("validFrom", today.toString());
		data.put("expiresAt", type == LicenseType.ANNUAL ? today.plusYears(1).toString() : null);
		data.put("maintenanceExpiresAt", type == LicenseType.PERPETUAL ? today.plusYears(1).toString() : null);
		awaitApplied(publish("portal.license.events", "license-service", "portal.license.issued.v1",
				licenseId.toString(), data));
		return licenseId;
	}

	/**
	 * Writes a CloudEvent to the topic as the producing service would, after checking its data
	 * against that service's schema; returns its id.
	 */
	protected String publish(String topic, String producer, String type, String key, Map<String, ?> fields) {
		String id = UUID.randomUUID().toString();
		Instant now = Instant.now(clock);
		ObjectNode data = JSON.createObjectNode();
		data.put("eventId", id);
		data.put("occurredAt", now.toString());
		data.setAll((ObjectNode) JSON.valueToTree(fields));
		JsonSchemas.assertValidForProducer(producer, type, data);
		ObjectNode event = JSON.createObjectNode();
		event.put("specversion", "1.0");
		event.put("id", id);
		event.put("type", type);
		event.put("source", "/customer-portal/" + producer);
		event.put("time", now.toString());
		event.put("subject", key);
		event.put("datacontenttype", "application/json");
		event.set("data", data);
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
				JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8));
		record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
		try {
			kafka.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + type, ex);
		}
		return id;
	}

	/** Waits until the service has applied these events (its consumers record the ids they applied). */
	protected void awaitApplied(String... eventIds) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (String id : eventIds) {
				assertThat(jdbc.sql("select count(*) from inbox_event where event_id = ?")
					.param(id)
					.query(Long.class)
					.single()).as("event %s applied", id).isEqualTo(1L);
			}
		});
	}

	// --- calls

	protected JsonNode createQuote(Person person, String linesJson) throws Exception {
		return json(mvc
			.perform(post("/api/quotes").header("Authorization", person.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"organizationId\":\"" + person.organizationId() + "\",\"lines\":" + linesJson + "}"))
			.andExpect(status().isCreated())
			.andReturn());
	}

	/** Quotes the lines and turns the quote into an order; returns the order. */
	protected JsonNode placeOrder(Person person, String linesJson) throws Exception {
		JsonNode quote = createQuote(person, linesJson);
		return json(mvc
			.perform(post("/api/quotes/" + quote.get("id").asString() + "/order").header("Authorization", person.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"paymentMethod\":\"CREDIT_CARD\"}"))
			.andExpect(status().isCreated())
			.andReturn());
	}

	/** Asks to pay the order by card: the answer sends the customer to the provider's page. */
	protected static MockHttpServletRequestBuilder payByCard(String orderId, Person person) {
		return pay(orderId, person, "{\"method\":\"CREDIT_CARD\"}");
	}

	protected static MockHttpServletRequestBuilder pay(String orderId, Person person, String body) {
		return post("/api/orders/" + orderId + "/payments").header("Authorization", person.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	/** Starts a card payment: pending, with the simulated provider's test page to go to. */
	protected JsonNode startCardPayment(String orderId, Person person) throws Exception {
		JsonNode payment = json(mvc.perform(payByCard(orderId, person)).andExpect(status().isCreated()).andReturn());
		assertThat(payment.get("status").asString()).isEqualTo("PENDING");
		assertThat(payment.get("redirectUrl").asString()).startsWith("https://api.example.test/api/payments/simulated/");
		return payment;
	}

	/**
	 * What the customer's browser does on the test payment page: opens it and clicks Pay
	 * ({@code succeeded}) or Decline ({@code declined}); returns where it is sent back to.
	 */
	protected String onTestPaymentPage(JsonNode payment, String outcome) throws Exception {
		String page = URI.create(payment.get("redirectUrl").asString()).getPath();
		String html = mvc.perform(get(page).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("<h1 class=\"govuk-heading-l\">Test payment</h1>", "name=\"outcome\" value=\"" + outcome + "\"",
				"action=\"" + page + "\"");
		return mvc.perform(post(page).contentType(MediaType.APPLICATION_FORM_URLENCODED).param("outcome", outcome))
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	/** Pays the order by card, on the test payment page; returns the payment once the order is paid. */
	protected JsonNode payByCardOnTestPage(String orderId, Person person) throws Exception {
		JsonNode payment = startCardPayment(orderId, person);
		assertThat(onTestPaymentPage(payment, "succeeded")).endsWith("?payment=succeeded");
		return json(mvc.perform(get("/api/orders/" + orderId + "/payments").header("Authorization", person.bearer()))
			.andExpect(status().isOk())
			.andReturn()).at("/items/0");
	}

	protected static JsonNode json(MvcResult result) {
		return JSON.readTree(result.getResponse().getContentAsByteArray());
	}

	protected static UUID id(JsonNode node) {
		return UUID.fromString(node.get("id").asString());
	}

	// --- what billing reads

	/**
	 * Checks a message this service wrote: a CloudEvent whose data matches the type's JSON Schema and
	 * carries exactly the fields the schema (and the event catalogue) names.
	 */
	protected static JsonNode assertPublishedAsDocumented(TopicReader.Message message) {
		JsonNode event = message.value();
		assertThat(event.path("specversion").asString()).isEqualTo("1.0");
		assertThat(event.path("source").asString()).isEqualTo("/customer-portal/order-service");
		assertThat(event.path("subject").asString()).isEqualTo(message.key());
		assertThat(event.path("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(event.path("id").asString()).isEqualTo(event.path("data").path("eventId").asString());
		assertThat(message.headers()).containsEntry("content-type", "application/cloudevents+json");
		String schema = "events/" + message.type().replaceFirst("^portal\\.", "") + ".schema.json";
		JsonNode data = message.data();
		JsonSchemas.assertValid(schema, data);
		JsonNode schemaJson = JSON.readTree(Thread.currentThread().getContextClassLoader().getResourceAsStream(schema));
		assertThat(names(data)).as("fields of %s", message.type())
			.containsExactlyInAnyOrderElementsOf(names(schemaJson.get("properties")));
		return data;
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new ArrayList<>();
		Iterator<String> it = object.propertyNames().iterator();
		it.forEachRemaining(names::add);
		return names;
	}

	protected static List<TopicReader.Message> orderEvents(String orderId) {
		return ORDER_EVENTS.readAll().stream().filter(m -> orderId.equals(m.key())).toList();
	}

	protected static Set<String> types(List<TopicReader.Message> messages) {
		return messages.stream().map(TopicReader.Message::type).collect(java.util.stream.Collectors.toSet());
	}

}
