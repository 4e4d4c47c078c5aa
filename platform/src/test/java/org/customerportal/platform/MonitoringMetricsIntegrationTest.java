package org.customerportal.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.customerportal.platform.test.PortalIntegrationTest;
import org.customerportal.platform.test.TestKafka;
import org.customerportal.platform.test.TestTokens;
import org.customerportal.platform.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The chart's Grafana dashboard and alert rules ask for metrics a service really exposes: every metric
 * name in their queries is in a running service's /actuator/prometheus (HTTP, JVM, connection pool,
 * Kafka consumer, outbox and dead-letter metrics), except those of other exporters and notification-
 * service's mail queue, which are named in its sources.
 */
@PortalIntegrationTest(classes = TestApplication.class)
class MonitoringMetricsIntegrationTest {

	static final Path CHART = Path.of("").toAbsolutePath().getParent().resolve("deploy/helm/customer-portal");

	/** Series of Prometheus itself (up) and kube-state-metrics, not of the services. */
	static final Pattern OTHER_EXPORTERS = Pattern.compile("up|kube_.*");

	/** notification-service's own meters (MailQueueMetrics, MailWorker). */
	static final Pattern MAIL = Pattern.compile("portal_mail_.*");

	@Autowired
	MockMvc mvc;

	@Test
	void theDashboardAndTheAlertsUseMetricsTheServicesExpose() throws Exception {
		Set<String> used = new TreeSet<>();
		JsonNode dashboard = new JsonMapper().readTree(Files.readString(CHART.resolve("files/grafana-dashboard.json")));
		for (JsonNode panel : dashboard.path("panels")) {
			panel.path("targets").forEach(target -> used.addAll(metricNames(target.path("expr").asString())));
		}
		Matcher expr = Pattern.compile("(?m)^\\s*expr: \\|?(.*(?:\\n\\s{14,}.*)*)")
			.matcher(Files.readString(CHART.resolve("templates/prometheusrule.yaml")));
		while (expr.find()) {
			used.addAll(metricNames(expr.group(1)));
		}
		assertThat(used).contains("http_server_requests_seconds_count", "portal_outbox_outstanding",
				"portal_events_dead_letters_total", "kafka_consumer_fetch_manager_records_lag_max", "portal_mail_queued");

		// a request, and a message that goes to the dead-letter topic, so that their meters exist
		mvc.perform(get("/api/widgets/" + UUID.randomUUID()).header("Authorization",
				"Bearer " + TestTokens.get().customer("metrics-user", "mia@example.com")));
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>("platform-test.sales", "metrics-poison",
					"not a CloudEvent".getBytes(StandardCharsets.UTF_8))).get();
		}

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			String exposed = mvc.perform(get("/actuator/prometheus"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			Set<String> names = new TreeSet<>();
			exposed.lines()
				.filter(line -> !line.startsWith("#") && !line.isBlank())
				.forEach(line -> names.add(line.split("[{ ]", 2)[0]));
			assertThat(used).allSatisfy(name -> {
				if (!OTHER_EXPORTERS.matcher(name).matches() && !MAIL.matcher(name).matches()) {
					assertThat(names).as("exposed by a running service").contains(name);
				}
			});
		});
		String mailSources = Files.readString(CHART.getParent().getParent().getParent()
			.resolve("notification-service/src/main/java/org/customerportal/notification/mail/MailQueueMetrics.java"))
				+ Files.readString(CHART.getParent().getParent().getParent()
					.resolve("notification-service/src/main/java/org/customerportal/notification/mail/MailWorker.java"));
		assertThat(used).filteredOn(name -> MAIL.matcher(name).matches()).allSatisfy(name -> assertThat(mailSources)
			.contains("\"" + name.replaceFirst("_(total|seconds)$", "").replace('_', '.') + "\""));
	}

	/** Metric names in a PromQL expression (template actions, label matchers, ranges and groupings removed). */
	static Set<String> metricNames(String promql) {
		String bare = promql.replaceAll("\\{\\{.*?}}", " ")
			.replaceAll("\"[^\"]*\"", " ")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Set<String> names = new TreeSet<>();
		Matcher token = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
		while (token.find()) {
			boolean function = token.group(2) != null;
			if (!function && !Set.of("and", "or", "unless", "bool", "offset").contains(token.group(1))) {
				names.add(token.group(1));
			}
		}
		return names;
	}

}
