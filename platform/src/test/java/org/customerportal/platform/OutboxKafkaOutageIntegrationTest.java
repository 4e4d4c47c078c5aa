package org.customerportal.platform;

import java.time.Duration;
import java.util.List;

import org.customerportal.platform.test.KafkaProcess;
import org.customerportal.platform.test.PortalIntegrationTest;
import org.customerportal.platform.test.TestTokens;
import org.customerportal.platform.test.TopicReader;
import org.customerportal.platform.testapp.TestApplication;
import org.customerportal.platform.testapp.WidgetCreated;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Kafka is down when the change commits and comes up later: the event still arrives, once, while
 * the service keeps running.
 */
@PortalIntegrationTest(classes = TestApplication.class,
		properties = { "portal.events.resubmit-interval=1s", "spring.kafka.admin.auto-create=false",
				"spring.kafka.admin.operation-timeout=2s",
				"spring.kafka.admin.properties.default.api.timeout.ms=2000",
				"spring.kafka.admin.properties.request.timeout.ms=1000", "spring.kafka.producer.properties.max.block.ms=1500",
				"spring.kafka.producer.properties.request.timeout.ms=1000",
				"spring.kafka.producer.properties.delivery.timeout.ms=3000" })
class OutboxKafkaOutageIntegrationTest {

	static final int KAFKA_PORT = KafkaProcess.freePort();

	static KafkaProcess kafka;

	@DynamicPropertySource
	static void kafkaThatIsNotThereYet(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
	}

	@AfterAll
	static void stopKafka() {
		if (kafka != null) {
			kafka.close();
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void anEventCommittedWhileKafkaIsDownIsPublishedOnceKafkaIsBack() throws Exception {
		String id = createWidget("umbrella");
		// a second one whose pod (we pretend) stopped while sending it, long ago: never marked failed
		String abandoned = createWidget("raincoat");

		// the changes are committed, their events wait in the outbox and have failed to go out
		assertThat(jdbc.queryForObject("select count(*) from widget where id = ?::uuid", Integer.class, id))
			.isEqualTo(1);
		for (String widget : List.of(id, abandoned)) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(jdbc.queryForObject(
						"select count(*) from event_publication where status = 'FAILED' and serialized_event like ?",
						Integer.class, "%" + widget + "%"))
					.isEqualTo(1));
		}
		jdbc.update("update event_publication set status = 'PROCESSING', "
				+ "publication_date = now() - interval '10 minutes', last_resubmission_date = null "
				+ "where serialized_event like ?", "%" + abandoned + "%");
		// the backlog is visible to the dashboards and alerts
		assertThat(meters.get("portal.outbox.outstanding").gauge().value()).isGreaterThanOrEqualTo(2);
		assertThat(meters.get("portal.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(600);

		kafka = KafkaProcess.start(KAFKA_PORT);

		TopicReader topic = TopicReader.of(WidgetCreated.TOPIC, kafka.bootstrapServers());
		TopicReader.Message message = topic.awaitOne("portal.widget.created.v1", id);
		assertThat(message.data().get("name").asString()).isEqualTo("umbrella");
		topic.awaitOne("portal.widget.created.v1", abandoned);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(jdbc.queryForObject(
					"select count(*) from event_publication where completion_date is null and (serialized_event like ? "
							+ "or serialized_event like ?)",
					Integer.class, "%" + id + "%", "%" + abandoned + "%"))
				.isZero());
		List<TopicReader.Message> all = topic.readAll();
		assertThat(all).filteredOn(m -> id.equals(m.key())).hasSize(1);
		assertThat(all).filteredOn(m -> abandoned.equals(m.key())).hasSize(1);
		assertThat(meters.get("portal.outbox.outstanding").gauge().value()).isZero();
	}

	private String createWidget(String name) throws Exception {
		String body = mvc
			.perform(post("/api/widgets").header("Authorization",
					"Bearer " + TestTokens.get().customer("outage-user", "erin@example.com"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"" + name + "\", \"count\": 1}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new JsonMapper().readTree(body).get("id").asString();
	}

}
