package org.customerportal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.customerportal.deploy.RenderedChart.container;
import static org.customerportal.deploy.RenderedChart.env;
import static org.customerportal.deploy.RenderedChart.objectName;

/**
 * What an operator needs beyond the defaults: extension points (volumes, init containers, environment,
 * priority, digests), Secrets that roll the pods, migrations before the rollout, the helm test pod, the
 * alert rules and the dashboard.
 */
class ChartOperationsTest {

	static final List<String> WITH_DATABASE = List.of("account-service", "order-service", "license-service",
			"notification-service", "portal-web");

	private static final String DIGEST = "sha256:" + "ab".repeat(32);

	private static final JsonMapper JSON = new JsonMapper();

	@Test
	void extraVolumesMountsInitContainersEnvironmentAndPriorityReachEveryPod() {
		RenderedChart chart = RenderedChart.with(Map.of("global.extraVolumes[0].name", "ca",
				"global.extraVolumes[0].secret.secretName", "my-ca", "global.extraVolumeMounts[0].name", "ca",
				"global.extraVolumeMounts[0].mountPath", "/etc/my-ca", "global.extraEnv[0].name", "TZ",
				"global.extraEnv[0].value", "UTC", "global.priorityClassName", "high",
				"services.order-service.initContainers[0].name", "wait", "services.order-service.initContainers[0].image",
				"busybox:1.37", "services.order-service.priorityClassName", "highest"));

		for (String service : RenderedChart.COMPONENTS) {
			PodSpec pod = chart.deployment(service).getSpec().getTemplate().getSpec();
			assertThat(pod.getVolumes()).anySatisfy(v -> {
				assertThat(v.getName()).isEqualTo("ca");
				assertThat(v.getSecret().getSecretName()).isEqualTo("my-ca");
			});
			assertThat(container(chart.deployment(service)).getVolumeMounts()).extracting(VolumeMount::getMountPath)
				.contains("/tmp", "/etc/my-ca");
			assertThat(env(chart.deployment(service)).get("TZ").getValue()).isEqualTo("UTC");
			assertThat(pod.getPriorityClassName()).isEqualTo(service.equals("order-service") ? "highest" : "high");
			assertThat(pod.getInitContainers()).extracting(Container::getName)
				.isEqualTo(service.equals("order-service") ? List.of("wait") : List.of());
		}
		// the migration Job reads the same certificate
		Job migration = chart.get(Job.class, objectName("order-service") + "-migrate");
		assertThat(migration.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts())
			.extracting(VolumeMount::getMountPath)
			.contains("/etc/my-ca");
	}

	@Test
	void anImageDigestPinsWhatRuns() {
		RenderedChart chart = RenderedChart.with(Map.of("global.image.tag", "1.4.2", "services.gateway.image.digest", DIGEST));

		assertThat(container(chart.deployment("gateway")).getImage())
			.isEqualTo("customer-portal/gateway:1.4.2@" + DIGEST);
		assertThat(container(chart.deployment("order-service")).getImage()).isEqualTo("customer-portal/order-service:1.4.2");
		assertThatThrownBy(() -> RenderedChart.with(Map.of("services.gateway.image.digest", "sha256:short")))
			.hasMessageContaining("digest");
	}

	@ParameterizedTest
	@ValueSource(strings = { "account-service", "order-service", "license-service", "notification-service", "portal-web" })
	void theProductionExampleVerifiesTheDatabaseAgainstAMountedCa(String service) {
		RenderedChart chart = RenderedChart.production();
		String url = env(chart.deployment(service)).get("SPRING_DATASOURCE_URL").getValue();

		assertThat(url).contains("sslmode=verify-full");
		Matcher rootCert = Pattern.compile("sslrootcert=([^&]+)").matcher(url);
		assertThat(rootCert.find()).as("sslrootcert in %s", url).isTrue();
		String certificate = rootCert.group(1);
		for (PodSpec pod : List.of(chart.deployment(service).getSpec().getTemplate().getSpec(),
				chart.get(Job.class, objectName(service) + "-migrate").getSpec().getTemplate().getSpec())) {
			VolumeMount mount = pod.getContainers()
				.get(0)
				.getVolumeMounts()
				.stream()
				.filter(m -> certificate.startsWith(m.getMountPath() + "/"))
				.findFirst()
				.orElseThrow(() -> new AssertionError(certificate + " is on no mounted volume"));
			assertThat(mount.getReadOnly()).isTrue();
			assertThat(pod.getVolumes()).anySatisfy(v -> {
				assertThat(v.getName()).isEqualTo(mount.getName());
				assertThat(v.getSecret().getSecretName()).isNotBlank();
			});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "account-service", "order-service", "license-service", "notification-service",
			"portal-web" })
	void everyProbeAsksTheManagementPortNeverTheRequestThreads(String service) {
		Container container = container(RenderedChart.defaults().deployment(service));

		for (var probe : List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
			assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
		}
		assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
		assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
	}

	@Test
	void withReloaderARotatedSecretRollsThePods() {
		assertThat(RenderedChart.defaults().deployment("order-service").getMetadata().getAnnotations())
			.as("off by default: Reloader may not be installed")
			.doesNotContainKey("reloader.stakater.com/auto");
		for (String service : RenderedChart.COMPONENTS) {
			assertThat(RenderedChart.production().deployment(service).getMetadata().getAnnotations())
				.containsEntry("reloader.stakater.com/auto", "true");
		}
	}

	@Test
	void migrationsRunInAHookJobPerDatabaseBeforeTheRollout() {
		RenderedChart chart = RenderedChart.defaults();
		List<Job> jobs = chart.all(Job.class);

		assertThat(jobs).extracting(j -> j.getMetadata().getName())
			.containsExactlyInAnyOrderElementsOf(WITH_DATABASE.stream().map(s -> objectName(s) + "-migrate").toList());
		for (String service : WITH_DATABASE) {
			Job job = chart.get(Job.class, objectName(service) + "-migrate");
			assertThat(job.getMetadata().getAnnotations()).containsEntry("helm.sh/hook", "pre-install,pre-upgrade")
				.containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
			PodSpec pod = job.getSpec().getTemplate().getSpec();
			Container migrate = pod.getContainers().get(0);
			assertThat(migrate.getImage()).isEqualTo(container(chart.deployment(service)).getImage());
			assertThat(migrate.getCommand()).containsSubsequence("-cp", "@/app/jib-classpath-file",
					"org.customerportal.platform.config.DatabaseMigration");
			assertThat(Repository.path("platform-config/src/main/java/org/customerportal/platform/config/DatabaseMigration.java"))
				.exists();
			Map<String, EnvVar> env = jobEnv(job);
			assertThat(env.get("SPRING_DATASOURCE_URL").getValue()).isEqualTo(env(chart.deployment(service)).get("SPRING_DATASOURCE_URL").getValue());
			assertThat(env.get("SPRING_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isNotBlank();
			assertThat(pod.getRestartPolicy()).isEqualTo("Never");
			assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(1800L);
			assertThat(migrate.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
			// neither a Service, a PodDisruptionBudget nor a NetworkPolicy of the service takes the Job's pod for its own
			Map<String, String> labels = job.getSpec().getTemplate().getMetadata().getLabels();
			assertThat(chart.all(Service.class)).noneMatch(s -> RenderedChart.selects(s.getSpec().getSelector(), labels));
			assertThat(chart.all(PodDisruptionBudget.class))
				.noneMatch(p -> RenderedChart.selects(p.getSpec().getSelector().getMatchLabels(), labels));
			assertThat(chart.all(NetworkPolicy.class))
				.noneMatch(p -> RenderedChart.selects(p.getSpec().getPodSelector().getMatchLabels(), labels));
		}
		assertThat(RenderedChart.with(Map.of("migrations.enabled", "false")).all(Job.class)).isEmpty();
	}

	@Test
	void helmTestChecksTheGatewayTheRefusalAndTheSigningKeys() {
		RenderedChart chart = RenderedChart.production();
		Pod test = chart.get(Pod.class, "portal-customer-portal-test");

		assertThat(test.getMetadata().getAnnotations()).containsEntry("helm.sh/hook", "test");
		Container check = test.getSpec().getContainers().get(0);
		Map<String, String> env = new java.util.HashMap<>();
		check.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
		assertThat(env).containsEntry("GATEWAY_URL", "http://" + objectName("gateway") + ":8080")
			.containsEntry("GATEWAY_MANAGEMENT_URL", "http://" + objectName("gateway") + ":9080")
			.containsEntry("JWKS_URL",
					"http://keycloak-http.identity.svc:8080/realms/portal/protocol/openid-connect/certs");
		String script = String.join("\n", check.getCommand());
		assertThat(script).contains("$GATEWAY_MANAGEMENT_URL/actuator/health/readiness", "\"$code\" = 401",
				"$GATEWAY_URL/api/me", "\"keys\"");
		assertThat(check.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(test.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();

		// the gateway's NetworkPolicy lets it in on both ports, although production narrows the API to the ingress
		NetworkPolicy gateway = chart.get(NetworkPolicy.class, objectName("gateway"));
		Map<String, String> labels = test.getMetadata().getLabels();
		Set<String> ports = new HashSet<>();
		gateway.getSpec().getIngress().stream()
			.filter(rule -> rule.getFrom() != null && rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() == null
					&& peer.getPodSelector() != null && RenderedChart.selects(peer.getPodSelector().getMatchLabels(), labels)))
			.forEach(rule -> rule.getPorts().forEach(p -> ports.add(p.getPort().getStrVal())));
		assertThat(ports).containsExactlyInAnyOrder("http", "management");

		assertThat(RenderedChart.with(Map.of("tests.enabled", "false")).all(Pod.class)).isEmpty();
	}

	@Test
	void theAlertRulesCoverWhatTheOperationsGuideLists() throws IOException {
		RenderedChart chart = RenderedChart.production();
		PrometheusRule rules = chart.get(PrometheusRule.class, "portal-customer-portal");
		String guide = Files.readString(Repository.path("docs/operations.md"));

		assertThat(rules.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
		List<PrometheusRule.Rule> all = rules.getSpec().getGroups().stream().flatMap(g -> g.getRules().stream()).toList();
		assertThat(all).extracting(PrometheusRule.Rule::getAlert)
			.contains("PortalComponentDown", "PortalPodNotReady", "PortalPodRestarting", "PortalGatewayErrors",
					"PortalHeapNearLimit", "PortalOutboxBacklog", "PortalDeadLetters", "PortalConsumerLag",
					"PortalMailQueueStuck");
		for (PrometheusRule.Rule rule : all) {
			assertThat(rule.getExpr()).as(rule.getAlert()).isNotBlank().doesNotContain("<no value>");
			assertThat(rule.getLabels()).as(rule.getAlert()).containsKey("severity");
			assertThat(rule.getAnnotations().get("summary")).as(rule.getAlert()).isNotBlank();
			assertThat(guide).as("docs/operations.md names the alert").contains("`" + rule.getAlert() + "`");
			assertThat(balanced(rule.getExpr())).as("parentheses and braces of %s", rule.getAlert()).isTrue();
		}
		assertThat(RenderedChart.defaults().all(PrometheusRule.class)).isEmpty();
	}

	@Test
	void theDashboardIsValidGrafanaJsonForEverySignal() throws IOException {
		ConfigMap map = RenderedChart.production().get(ConfigMap.class, "portal-customer-portal-dashboard");
		assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
		JsonNode dashboard = JSON.readTree(map.getData().get("customer-portal.json"));

		assertThat(dashboard.path("uid").asString()).isEqualTo("customer-portal");
		assertThat(dashboard.path("schemaVersion").asInt()).isPositive();
		Set<Integer> ids = new HashSet<>();
		StringBuilder titles = new StringBuilder();
		for (JsonNode panel : dashboard.path("panels")) {
			assertThat(ids.add(panel.path("id").asInt())).as("unique panel id %s", panel.path("id")).isTrue();
			assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
			titles.append(panel.path("title").asString()).append('\n');
			if (panel.path("type").asString().equals("row")) {
				continue;
			}
			assertThat(panel.path("targets")).as(panel.path("title").asString()).isNotEmpty();
			for (JsonNode target : panel.path("targets")) {
				String expr = target.path("expr").asString();
				assertThat(expr).isNotBlank();
				assertThat(balanced(expr)).as(expr).isTrue();
			}
		}
		assertThat(titles.toString()).contains("Traffic", "Errors", "Latency", "Saturation", "Outbox backlog",
				"Dead letters", "Consumer lag", "Mail queue");
		assertThat(RenderedChart.defaults().find(ConfigMap.class, "portal-customer-portal-dashboard")).isEmpty();
	}

	private static Map<String, EnvVar> jobEnv(Job job) {
		Map<String, EnvVar> env = new java.util.LinkedHashMap<>();
		job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().forEach(e -> env.put(e.getName(), e));
		return env;
	}

	/** Parentheses, brackets and braces close in order (outside quoted strings). */
	static boolean balanced(String expression) {
		java.util.Deque<Character> open = new java.util.ArrayDeque<>();
		boolean quoted = false;
		for (char c : expression.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && "([{".indexOf(c) >= 0) {
				open.push(c);
			}
			else if (!quoted && ")]}".indexOf(c) >= 0) {
				if (open.isEmpty() || "([{".indexOf(open.pop()) != ")]}".indexOf(c)) {
					return false;
				}
			}
		}
		return open.isEmpty() && !quoted;
	}

	static boolean isHook(HasMetadata object) {
		return object.getMetadata().getAnnotations() != null
				&& object.getMetadata().getAnnotations().containsKey("helm.sh/hook");
	}

}
