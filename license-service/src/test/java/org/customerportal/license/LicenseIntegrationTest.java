package org.customerportal.license;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.customerportal.platform.test.FakeAccountService;
import org.customerportal.platform.test.JsonSchemas;
import org.customerportal.platform.test.PortalIntegrationTest;
import org.customerportal.platform.test.TestKafka;
import org.customerportal.platform.test.TestTokens;
import org.customerportal.platform.test.TopicReader;
import org.customerportal.platform.time.OffsetClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The whole service against the test JVM's PostgreSQL and Kafka, with one Spring context shared by every
 * integration test class. Events are fed to it as order-service and account-service would publish them.
 */
@PortalIntegrationTest(properties = { "portal.license.expiry.initial-delay=1h", "portal.events.retry-backoff=100ms",
		"portal.events.retries=2", "portal.test-clock.enabled=true", "portal.account-service.timeout=1s" })
public abstract class LicenseIntegrationTest {

	protected static final JsonMapper JSON = new JsonMapper();

	protected static final String ORDER_EVENTS = "portal.order.events";

	protected static final String ACCOUNT_EVENTS = "portal.account.events";

	protected static final String LICENSE_EVENTS = "portal.license.events";

	protected static final String CATALOG_EVENTS = "portal.catalog.events";

	private static KafkaProducer<String, byte[]> producer;

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected OffsetClock clock;

	@Autowired
	protected JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** account-service, as far as this service asks it about memberships it does not know yet. */
	@DynamicPropertySource
	static void accountService(DynamicPropertyRegistry registry) {
		registry.add("portal.account-service.url", () -> FakeAccountService.get().url());
	}

	@AfterAll
	static void closeProducer() {
		if (producer != null) {
			producer.close();
			producer = null;
		}
	}

	// ---- people ------------------------------------------------------------------------------------

	/** A signed-in person: their Keycloak subject, e-mail and a valid token. */
	protected record Person(String id, String email, String token) {

		String bearer() {
			return "Bearer " + token;
		}

	}

	protected static Person customer(String name) {
		String id = UUID.randomUUID().toString();
		String email = name + "-" + id.substring(0, 8) + "@example.com";
		return new Person(id, email, TestTokens.get().customer(id, email));
	}

	protected static Person support() {
		String id = UUID.randomUUID().toString();
		String email = "support-" + id.substring(0, 8) + "@vendor.example";
		return new Person(id, email, TestTokens.get().support(id, email));
	}

	// ---- events in -----------------------------------------------------------------------------------

	/** Publishes a CloudEvent as its producer would; returns the event id. */
	protected static String publish(String topic, String key, String type, Map<String, Object> data) {
		String id = data.containsKey("eventId") ? data.get("eventId").toString() : UUID.randomUUID().toString();
		Map<String, Object> body = new LinkedHashMap<>(data);
		body.put("eventId", id);
		body.putIfAbsent("occurredAt", Instant.now().toString());
		String producerName = topic.equals(ORDER_EVENTS) || topic.equals(CATALOG_EVENTS) ? "order-service"
				: "account-service";
		JsonSchemas.assertValidForProducer(producerName, type, JSON.valueToTree(body));
		Map<String, Object> cloudEvent = new LinkedHashMap<>();
		cloudEvent.put("specversion", "1.0");
		cloudEvent.put("id", id);
		cloudEvent.put("type", type);
		cloudEvent.put("source", "/customer-portal/" + producerName);
		cloudEvent.put("time", body.get("occurredAt"));
		cloudEvent.put("subject", key);
		cloudEvent.put("datacontenttype", "application/json");
		cloudEvent.put("data", body);
		send(topic, key, JSON.writeValueAsBytes(cloudEvent));
		return id;
	}

	protected static void send(String topic, String key, byte[] value) {
		try {
			producer().send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish to " + topic, ex);
		}
	}

	private static synchronized KafkaProducer<String, byte[]> producer() {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
					new StringSerializer(), new ByteArraySerializer());
		}
		return producer;
	}

	/** An organisation with these members, as account-service announces it; waits until it is known. */
	protected UUID organizationOf(Person... members) {
		UUID organizationId = UUID.randomUUID();
		for (Person member : members) {
			join(organizationId, member);
		}
		return organizationId;
	}

	protected void join(UUID organizationId, Person member) {
		publish(ACCOUNT_EVENTS, organizationId.toString(), "portal.member.joined.v1",
				Map.of("organizationId", organizationId.toString(), "userId", member.id(), "email", member.email(),
						"name", member.email().substring(0, member.email().indexOf('@'))));
		await().untilAsserted(() -> assertThat(jdbc
			.sql("select count(*) from organization_member where organization_id = ? and user_id = ?")
			.params(organizationId, member.id())
			.query(Integer.class)
			.single()).isEqualTo(1));
	}

	// ---- orders --------------------------------------------------------------------------------------

	/** A line of an order, as order-service writes it. */
	protected record Line(String product, String licenseType, int quota, UUID licenseId, int productVersion) {

		Map<String, Object> toMap() {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("lineId", UUID.randomUUID().toString());
			line.put("product", product);
			line.put("productName", product + " SDK");
			line.put("licenseType", licenseType);
			line.put("quota", quota);
			line.put("licenseId", licenseId == null ? null : licenseId.toString());
			line.put("productVersion", productVersion);
			line.put("amount", Map.of("amount", "100.00", "currency", "USD"));
			return line;
		}

	}

	protected static Line annual(String product, int quota) {
		return new Line(product, "ANNUAL", quota, null, 10);
	}

	protected static Line perpetual(String product, int quota) {
		return new Line(product, "PERPETUAL", quota, null, 10);
	}

	/** The data of a paid order as order-service publishes it. */
	protected static Map<String, Object> paidOrder(UUID orderId, UUID organizationId, String type, Instant paidAt,
			List<Person> contacts, List<Line> lines) {
		List<Map<String, Object>> lineMaps = new ArrayList<>();
		lines.forEach(line -> lineMaps.add(line.toMap()));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("orderId", orderId.toString());
		data.put("organizationId", organizationId.toString());
		data.put("type", type);
		data.put("lines", lineMaps);
		data.put("total", Map.of("amount", "100.00", "currency", "USD"));
		data.put("paymentMethod", "CREDIT_CARD");
		data.put("paymentId", UUID.randomUUID().toString());
		data.put("paidAt", paidAt.toString());
		data.put("contacts", contacts.stream().map(p -> Map.of("userId", p.id(), "email", p.email())).toList());
		return data;
	}

	protected static String publishPaid(Map<String, Object> paidOrder) {
		return publish(ORDER_EVENTS, paidOrder.get("orderId").toString(), "portal.order.paid.v1", paidOrder);
	}

	/**
	 * A paid new-purchase order of one licence with these contacts; waits until the first contact sees it and
	 * returns it as the API shows it.
	 */
	protected JsonNode buy(UUID organizationId, Instant paidAt, Line line, Person... contacts) throws Exception {
		UUID orderId = UUID.randomUUID();
		publishPaid(paidOrder(orderId, organizationId, "NEW_PURCHASE", paidAt, List.of(contacts), List.of(line)));
		return awaitLicenseOfOrder(contacts[0], orderId);
	}

	protected JsonNode awaitLicenseOfOrder(Person contact, UUID orderId) {
		List<JsonNode> found = new ArrayList<>();
		await().untilAsserted(() -> {
			JsonNode page = json(mvc.perform(get("/api/licenses").param("size", "100")
				.header("Authorization", contact.bearer())).andReturn(), 200);
			found.clear();
			page.path("items").forEach(item -> {
				if (orderId.toString().equals(item.path("orderId").asString())) {
					found.add(item);
				}
			});
			assertThat(found).isNotEmpty();
		});
		return found.get(0);
	}

	// ---- HTTP ----------------------------------------------------------------------------------------

	protected MvcResult call(MockHttpServletRequestBuilder request, Person caller) throws Exception {
		if (caller != null) {
			request.header("Authorization", caller.bearer());
		}
		return mvc.perform(request).andReturn();
	}

	protected MvcResult postJson(String path, Person caller, Object body) throws Exception {
		return call(post(path).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)), caller);
	}

	protected static JsonNode json(MvcResult result, int expectedStatus) throws Exception {
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
		return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
	}

	protected static JsonNode problem(MvcResult result, int expectedStatus) throws Exception {
		JsonNode problem = json(result, expectedStatus);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		return problem;
	}

	// ---- real HTTP, for requests at the same moment -------------------------------------------------

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	protected int port;

	protected HttpResponse<String> http(String path, Person caller, String jsonBody) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(jsonBody));
		if (caller != null) {
			request.header("Authorization", caller.bearer());
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A request without a body, e.g. {@code http("GET", "/api/licenses/validate", null)}. */
	protected HttpResponse<String> http(String method, String path, Person caller) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (caller != null) {
			request.header("Authorization", caller.bearer());
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Runs the calls on as many threads, released at the same moment; returns their results in order. */
	protected static List<Object> runTogether(List<Callable<Object>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (Callable<Object> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<Object> results = new ArrayList<>();
			for (Future<Object> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** What an installed product asks, without a token. */
	protected JsonNode validate(String key, String product, String deviceId) throws Exception {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("key", key);
		body.put("product", product);
		if (deviceId != null) {
			body.put("deviceId", deviceId);
		}
		return json(postJson("/api/licenses/validate", null, body), 200);
	}

	// ---- events out ----------------------------------------------------------------------------------

	/** Waits for the service's event of that type about the licence, checks it against its schema. */
	protected static TopicReader.Message awaitLicenseEvent(String type, String licenseId) {
		TopicReader.Message message = TopicReader.of(LICENSE_EVENTS).awaitOne(type, licenseId);
		assertThat(message.value().path("id").asString()).isEqualTo(message.data().path("eventId").asString());
		assertThat(message.value().path("subject").asString()).isEqualTo(licenseId);
		assertThat(message.value().path("source").asString()).isEqualTo("/customer-portal/license-service");
		JsonSchemas.assertValid("events/" + type.replaceFirst("^portal\\.", "") + ".schema.json", message.data());
		return message;
	}

	protected static List<TopicReader.Message> licenseEvents(String type, String licenseId) {
		return TopicReader.of(LICENSE_EVENTS)
			.readAll()
			.stream()
			.filter(m -> type.equals(m.type()) && licenseId.equals(m.key()))
			.toList();
	}

	protected static LocalDate date(JsonNode node) {
		return LocalDate.parse(node.asString());
	}

}
