package org.customerportal.platform;

import java.time.Duration;
import java.util.List;

import org.customerportal.platform.test.PortalIntegrationTest;
import org.customerportal.platform.test.TestTokens;
import org.customerportal.platform.test.TopicReader;
import org.customerportal.platform.testapp.TestApplication;
import org.customerportal.platform.testapp.WidgetCreated;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest(classes = TestApplication.class)
class OutboxIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	String token = TestTokens.get().customer("outbox-user", "dave@example.com");

	@Test
	void aCommittedChangePublishesExactlyOneCloudEventKeyedByItsAggregate() throws Exception {
		String body = mvc
			.perform(post("/api/widgets").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"kettle\", \"count\": 2}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = new JsonMapper().readTree(body).get("id").asString();

		TopicReader.Message message = TopicReader.of(WidgetCreated.TOPIC).awaitOne("portal.widget.created.v1", id);

		assertThat(message.value().get("specversion").asString()).isEqualTo("1.0");
		assertThat(message.value().get("source").asString()).isEqualTo("/customer-portal/platform-test-app");
		assertThat(message.value().get("subject").asString()).isEqualTo(id);
		assertThat(message.value().get("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(message.value().get("time").asString()).isNotBlank();
		assertThat(message.value().get("id").asString()).isEqualTo(message.data().get("eventId").asString());
		assertThat(message.data().get("widgetId").asString()).isEqualTo(id);
		assertThat(message.data().get("name").asString()).isEqualTo("kettle");
		// readers outside the platform get CloudEvents headers only, no Java type names
		assertThat(message.headers()).containsEntry("content-type", "application/cloudevents+json")
			.doesNotContainKeys("__TypeId__", "spring_json_header_types");

		// exactly one, and the outbox is done with it
		List<TopicReader.Message> all = TopicReader.of(WidgetCreated.TOPIC).readAll();
		assertThat(all).filteredOn(m -> id.equals(m.key())).hasSize(1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jdbc.queryForObject(
					"select count(*) from event_publication where completion_date is null and serialized_event like ?",
					Integer.class, "%" + id + "%"))
				.isZero());
	}

	@Test
	void aRolledBackChangePublishesNothing() throws Exception {
		mvc.perform(post("/api/widgets").param("failAfterPublishing", "true")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"phantom\", \"count\": 1}")).andExpect(status().isInternalServerError());

		// a change committed afterwards arrives; the rolled-back one never does
		mvc.perform(post("/api/widgets").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"after-phantom\", \"count\": 1}")).andExpect(status().isOk());
		TopicReader.of(WidgetCreated.TOPIC).awaitMessages(m -> "after-phantom".equals(m.data().path("name").asString()));

		assertThat(TopicReader.of(WidgetCreated.TOPIC).readAll())
			.noneMatch(m -> "phantom".equals(m.data().path("name").asString()));
		assertThat(jdbc.queryForObject("select count(*) from widget where name = 'phantom'", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like '%phantom%' "
				+ "and serialized_event not like '%after-phantom%'", Integer.class))
			.isZero();
	}

}
