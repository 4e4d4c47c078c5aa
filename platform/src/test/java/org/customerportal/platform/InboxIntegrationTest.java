package org.customerportal.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.customerportal.platform.test.PortalIntegrationTest;
import org.customerportal.platform.test.TestKafka;
import org.customerportal.platform.test.TopicReader;
import org.customerportal.platform.testapp.TestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PortalIntegrationTest(classes = TestApplication.class)
class InboxIntegrationTest {

	static final String TOPIC = "platform-test.sales";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	KafkaProducer<String, byte[]> producer;

	@BeforeEach
	void producer() {
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
	}

	@AfterEach
	void close() {
		producer.close();
	}

	@Test
	void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
		String name = "teapot-" + UUID.randomUUID();
		String event = sold(UUID.randomUUID().toString(), name, 3);
		send(name, event);
		send(name, event);
		String marker = "marker-" + UUID.randomUUID();
		send(marker, sold(UUID.randomUUID().toString(), marker, 1));

		// the marker was sent after both copies on the same partition order only per key, so wait for both
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(tally(marker)).isEqualTo(1);
			assertThat(tally(name)).isEqualTo(3);
		});
		assertThat(jdbc.queryForObject("select count(*) from inbox_event where consumer = 'platform-test.tally' "
				+ "and event_id = ?", Integer.class, eventIdOf(event))).isEqualTo(1);
	}

	@Test
	void aPoisonMessageIsDeadLetteredAndTheNextOneIsStillProcessed() throws Exception {
		String key = "poison-" + UUID.randomUUID();
		double deadBefore = deadLetters();
		send(key, "this is not json {");
		send(key, sold(UUID.randomUUID().toString(), key, 5));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tally(key)).isEqualTo(5));
		TopicReader.Message dead = TopicReader.of(TOPIC + ".dlt").awaitMessages(m -> key.equals(m.key())).get(0);
		assertThat(dead.rawValue()).isEqualTo("this is not json {");
		assertThat(dead.headers()).containsKey("kafka_dlt-exception-message");
		assertThat(dead.headers().get("kafka_dlt-original-topic")).isEqualTo(TOPIC);
		// counted for the dead-letter alert and the dashboard
		assertThat(deadLetters()).isGreaterThan(deadBefore);
	}

	private double deadLetters() {
		Counter counter = meters.find("portal.events.dead.letters").tag("topic", TOPIC).counter();
		return counter == null ? 0 : counter.count();
	}

	@Test
	void aMessageThatKeepsFailingIsRetriedThenDeadLetteredAndChangesNothing() throws Exception {
		String key = "cursed-" + UUID.randomUUID();
		String cursedId = UUID.randomUUID().toString();
		send(key, sold(cursedId, "cursed", 1));
		send(key, sold(UUID.randomUUID().toString(), key, 2));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tally(key)).isEqualTo(2));
		TopicReader.Message dead = TopicReader.of(TOPIC + ".dlt").awaitMessages(m -> key.equals(m.key())).get(0);
		assertThat(dead.headers().get("kafka_dlt-exception-message")).contains("cursed widgets cannot be counted");
		assertThat(tally("cursed")).isZero();
		assertThat(jdbc.queryForObject("select count(*) from inbox_event where event_id = ?", Integer.class, cursedId))
			.isZero();
	}

	@Test
	void unknownEventTypesAndFieldsAreTolerated() throws Exception {
		String key = "tolerant-" + UUID.randomUUID();
		send(key, envelope(UUID.randomUUID().toString(), "portal.widget.repainted.v1", "{\"colour\": \"red\"}"));
		send(key, envelope(UUID.randomUUID().toString(), "portal.widget.sold.v1",
				"{\"name\": \"" + key + "\", \"quantity\": 4, \"addedLater\": true}"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tally(key)).isEqualTo(4));
	}

	@Test
	void anEventFromAnotherSourceThanTheTopicsOwnerIsDeadLetteredAndNotApplied() throws Exception {
		String key = "forged-" + UUID.randomUUID();
		String forgedId = UUID.randomUUID().toString();
		send(key, envelope(forgedId, "/customer-portal/billing", "portal.widget.sold.v1",
				"{\"name\": \"" + key + "\", \"quantity\": 1000000}"));
		send(key, sold(UUID.randomUUID().toString(), key, 1));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tally(key)).isEqualTo(1));
		TopicReader.Message dead = TopicReader.of(TOPIC + ".dlt").awaitMessages(m -> key.equals(m.key())).get(0);
		assertThat(dead.headers().get("kafka_dlt-exception-message")).contains("/customer-portal/billing")
			.contains("not the topic's owner /customer-portal/platform-test-shop");
		assertThat(jdbc.queryForObject("select count(*) from inbox_event where event_id = ?", Integer.class, forgedId))
			.isZero();
	}

	private int tally(String name) {
		return jdbc.queryForList("select sold from widget_tally where name = ?", Integer.class, name)
			.stream()
			.findFirst()
			.orElse(0);
	}

	private void send(String key, String value) throws Exception {
		producer.send(new ProducerRecord<>(TOPIC, key, value.getBytes(StandardCharsets.UTF_8))).get();
	}

	private static String sold(String eventId, String name, int quantity) {
		return envelope(eventId, "portal.widget.sold.v1",
				"{\"eventId\": \"" + eventId + "\", \"name\": \"" + name + "\", \"quantity\": " + quantity + "}");
	}

	private static String envelope(String id, String type, String data) {
		return envelope(id, "/customer-portal/platform-test-shop", type, data);
	}

	private static String envelope(String id, String source, String type, String data) {
		return "{\"specversion\": \"1.0\", \"id\": \"" + id + "\", \"type\": \"" + type
				+ "\", \"source\": \"" + source + "\", \"time\": \"2026-01-01T00:00:00Z\", \"subject\": \"s\", "
				+ "\"datacontenttype\": \"application/json\", \"data\": " + data + "}";
	}

	private static String eventIdOf(String event) {
		int start = event.indexOf("\"id\": \"") + 7;
		return event.substring(start, event.indexOf('"', start));
	}

}
