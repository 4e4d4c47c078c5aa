package org.customerportal.e2e.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Endpoints;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.line;
import static org.customerportal.e2e.support.Steps.order;
import static org.customerportal.e2e.support.Steps.quote;

/**
 * The local run's broker as an attacker and a billing team meet it: every client authenticates with a
 * Keycloak client (SASL OAUTHBEARER) and the ACLs of deploy/kafka/topics-and-acls.txt decide. Billing
 * reads the order events and nothing else and writes nothing; a service cannot publish on another
 * service's topic; a client without credentials does not get in at all.
 */
@EndToEndTest
@Order(10)
class KafkaAccessIntegrationTest {

	static final String BOOTSTRAP = "localhost:9092";

	static final String TOKEN_URL = Endpoints.KEYCLOAK + "/realms/" + Endpoints.REALM
			+ "/protocol/openid-connect/token";

	static final String ORDER_EVENTS = "portal.order.events";

	static {
		// Kafka 4 fetches tokens only from allow-listed URLs
		System.setProperty("org.apache.kafka.sasl.oauthbearer.allowed.urls", TOKEN_URL);
	}

	private final User buyer = Keycloak.customer("kai", "Kai", "Kafka");

	@Test
	void billingReadsTheOrderEventOfAnOrderPlacedThroughTheGateway() {
		UUID organization = createOrganization(buyer, "Kafka Kites");
		String orderId = order(buyer, quote(buyer, organization, List.of(line("DOCUMENT-SCANNER", "ANNUAL", 1))),
				"WIRE_TRANSFER")
			.path("id")
			.asString();

		try (KafkaConsumer<String, String> billing = consumer("billing", "billing-e2e-" + UUID.randomUUID())) {
			billing.subscribe(List.of(ORDER_EVENTS));
			List<ConsumerRecord<String, String>> ofTheOrder = new ArrayList<>();
			await("billing reads the order.placed event of order " + orderId).atMost(Endpoints.EVENTUAL)
				.pollInterval(Duration.ZERO)
				.until(() -> {
					billing.poll(Duration.ofSeconds(1)).forEach(r -> {
						if (orderId.equals(r.key())) {
							ofTheOrder.add(r);
						}
					});
					return !ofTheOrder.isEmpty();
				});
			JsonNode placed = JsonMapper.builder().build().readTree(ofTheOrder.get(0).value());
			assertThat(placed.path("type").asString()).isEqualTo("portal.order.placed.v1");
			assertThat(placed.path("source").asString()).isEqualTo("/customer-portal/order-service");
		}
	}

	@Test
	void billingCannotPublishOrderEvents() {
		// a forged order.paid for one's own company: refused by the broker, before any consumer sees it
		assertThatThrownBy(() -> send("billing", ORDER_EVENTS, "{\"type\":\"portal.order.paid.v1\"}"))
			.hasCauseInstanceOf(TopicAuthorizationException.class);
	}

	@Test
	void billingCannotReadAnotherTopicNorUseAServicesConsumerGroup() {
		try (KafkaConsumer<String, String> billing = consumer("billing", "billing-e2e-" + UUID.randomUUID())) {
			billing.subscribe(List.of("portal.account.events"));
			assertThatThrownBy(() -> pollFor(billing)).isInstanceOf(TopicAuthorizationException.class)
				.hasMessageContaining("portal.account.events");
		}
		try (KafkaConsumer<String, String> billing = consumer("billing", "license-service.orders")) {
			billing.subscribe(List.of(ORDER_EVENTS));
			// taking over license-service's group would move its offsets: its licences would never be issued
			assertThatThrownBy(() -> pollFor(billing)).isInstanceOf(GroupAuthorizationException.class);
		}
	}

	@Test
	void aServiceCannotPublishOnAnotherServicesTopic() {
		// notification-service may write dead letters, not order events; license-service not either
		assertThatThrownBy(() -> send("notification-service-kafka", ORDER_EVENTS, "{}"))
			.hasCauseInstanceOf(TopicAuthorizationException.class);
		assertThatThrownBy(() -> send("license-service-kafka", ORDER_EVENTS, "{}"))
			.hasCauseInstanceOf(TopicAuthorizationException.class);
		assertThatThrownBy(() -> send("order-service-kafka", "portal.account.events", "{}"))
			.hasCauseInstanceOf(TopicAuthorizationException.class);
	}

	@Test
	void aClientWithoutCredentialsIsNotLetIn() {
		Map<String, Object> plaintext = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
		try (Admin anonymous = Admin.create(plaintext)) {
			assertThatThrownBy(() -> anonymous.listTopics().names().get(15, TimeUnit.SECONDS))
				.isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
		}
	}

	private static void pollFor(KafkaConsumer<String, String> consumer) {
		long deadline = System.nanoTime() + Endpoints.EVENTUAL.toNanos();
		while (System.nanoTime() < deadline) {
			consumer.poll(Duration.ofSeconds(1));
		}
		throw new AssertionError("the broker never refused " + consumer.groupMetadata().groupId());
	}

	private static void send(String client, String topic, String value) throws Exception {
		Map<String, Object> config = authenticatedAs(client);
		// without idempotence the refusal names the topic (with it, the producer's id request is refused first)
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "e2e-" + UUID.randomUUID(), value)).get(45, TimeUnit.SECONDS);
		}
	}

	private static KafkaConsumer<String, String> consumer(String client, String group) {
		Map<String, Object> config = authenticatedAs(client);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
	}

	/** What a service's platform sets from PORTAL_KAFKA_OAUTH_*: the client's LOCAL-ONLY secret of the realm file. */
	private static Map<String, Object> authenticatedAs(String client) {
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
		config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
		config.put("sasl.mechanism", "OAUTHBEARER");
		config.put("sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
		config.put("sasl.login.callback.handler.class",
				"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
		config.put("sasl.oauthbearer.token.endpoint.url", TOKEN_URL);
		config.put("sasl.oauthbearer.client.credentials.client.id", client);
		config.put("sasl.oauthbearer.client.credentials.client.secret", client + "-local-secret");
		return config;
	}

}
