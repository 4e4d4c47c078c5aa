package org.customerportal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable the chart (with each of its values files) and the compose file give a
 * service is read by that service: a {@code ${VARIABLE}} placeholder in its configuration, or a
 * property of Spring's configuration metadata it binds by relaxed binding. A misspelt or outdated
 * name (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, which Spring Boot 4 ignores) fails here instead of being
 * silently ignored in production.
 */
class EnvironmentBindingTest {

	/** Read by the JVM itself, not by Spring. */
	private static final Set<String> READ_BY_THE_JVM = Set.of("JAVA_TOOL_OPTIONS");

	private static final Map<String, ServiceConfiguration> CONFIGURATIONS = new ConcurrentHashMap<>();

	static List<String> components() {
		return RenderedChart.COMPONENTS;
	}

	@ParameterizedTest
	@MethodSource("components")
	void everyVariableTheChartSetsIsReadByTheService(String service) {
		ServiceConfiguration configuration = configuration(service);
		Map<String, Set<String>> unread = new TreeMap<>();
		for (String values : List.of("default", "production", "minimal")) {
			collectUnread(RenderedChart.named(values), service, "chart with " + values + " values", configuration, unread);
		}
		collectUnread(RenderedChart.withValues(ChartOptionsTest.ALL_OPTIONS), service, "chart with every option",
				configuration, unread);

		assertThat(unread).as("variables %s is given but never reads, with where they are set", service).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("components")
	@SuppressWarnings("unchecked")
	void everyVariableTheComposeFileSetsIsReadByTheService(String service) throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(ComposeFileTest.COMPOSE_FILE));
		Map<String, Object> definition = ((Map<String, Map<String, Object>>) compose.get("services")).get(service);
		Map<String, Object> environment = (Map<String, Object>) definition.get("environment");
		ServiceConfiguration configuration = configuration(service);

		Set<String> unread = new TreeSet<>();
		for (String variable : environment.keySet()) {
			if (!READ_BY_THE_JVM.contains(variable) && !configuration.reads(variable)) {
				unread.add(variable);
			}
		}
		assertThat(unread).as("variables docker-compose.yml gives %s but it never reads", service).isEmpty();
	}

	@Test
	void theCheckTellsAReadVariableFromAMisspeltOne() {
		ServiceConfiguration gateway = configuration("gateway");

		assertThat(gateway.reads("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")).isTrue();
		assertThat(gateway.reads("PORTAL_GATEWAY_ROUTES_ORDERSERVICEURL")).as("a property of its own metadata").isTrue();
		assertThat(gateway.reads("SPRING_DATA_REDIS_HOST")).as("a library's property").isTrue();
		assertThat(gateway.reads("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")).as("the OTel SDK's name").isFalse();
		assertThat(gateway.reads("SPRING_DATA_REDIS_HOSTNAME")).isFalse();
		assertThat(configuration("order-service").reads("PORTAL_EVENTS_PARTITIONS"))
			.as("the platform's own @ConfigurationProperties").isTrue();
		assertThat(configuration("notification-service").reads("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED"))
			.as("a key of a map property").isTrue();
		assertThat(configuration("portal-web").reads("SPRING_KAFKA_BOOTSTRAP_SERVERS")).as("the portal uses no Kafka")
			.isFalse();
	}

	private static ServiceConfiguration configuration(String service) {
		return CONFIGURATIONS.computeIfAbsent(service, ServiceConfiguration::of);
	}

	private static void collectUnread(RenderedChart chart, String service, String source,
			ServiceConfiguration configuration, Map<String, Set<String>> unread) {
		for (HasMetadata object : chart.objects) {
			PodSpec pod = podSpec(object);
			Map<String, String> labels = object.getMetadata().getLabels();
			if (pod == null || labels == null || !service.equals(labels.get("app.kubernetes.io/component"))) {
				continue;
			}
			for (Container container : pod.getContainers()) {
				for (EnvVar variable : container.getEnv()) {
					String name = variable.getName();
					if (!READ_BY_THE_JVM.contains(name) && !configuration.reads(name)) {
						unread.computeIfAbsent(name, n -> new TreeSet<>())
							.add(source + " (" + object.getKind() + " " + object.getMetadata().getName() + ")");
					}
				}
			}
		}
	}

	private static PodSpec podSpec(HasMetadata object) {
		if (object instanceof Deployment deployment) {
			return deployment.getSpec().getTemplate().getSpec();
		}
		if (object instanceof Job job) {
			return job.getSpec().getTemplate().getSpec();
		}
		return null;
	}

}
