package org.customerportal.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.EnvVar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** docker-compose.yml: checked by a real compose tool where one is installed, and against the chart. */
class ComposeFileTest {

	static final Path COMPOSE_FILE = Repository.path("docker-compose.yml");

	static final List<String> INFRASTRUCTURE = List.of("postgres", "kafka", "keycloak", "mail");

	private static Map<String, Map<String, Object>> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readComposeFile() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE_FILE));
		services = (Map<String, Map<String, Object>>) compose.get("services");
	}

	@Test
	void theComposeToolAcceptsTheFile() throws Exception {
		Path tool = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map(dir -> Path.of(dir, "docker-compose"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
		assumeTrue(tool != null, "docker-compose is not installed (apt-get install -y docker-compose)");

		Process process = new ProcessBuilder(Repository.path("deploy/check-compose.sh").toString(), COMPOSE_FILE.toString())
			.redirectErrorStream(true)
			.start();
		boolean finished = process.waitFor(90, TimeUnit.SECONDS);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(finished).as("compose check finished in time").isTrue();
		assertThat(process.exitValue()).as("docker-compose config -q said:\n%s", output).isZero();
	}

	@Test
	void everyContainerHasAHealthCheck() {
		assertThat(services.keySet()).containsAll(INFRASTRUCTURE).containsAll(RenderedChart.COMPONENTS);
		services.forEach((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "account-service", "order-service", "license-service", "notification-service" })
	@SuppressWarnings("unchecked")
	void servicesStartOnlyOnceWhatTheyNeedIsHealthy(String service) {
		Map<String, Object> definition = services.get(service);
		Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) definition.get("depends_on");

		assertThat(dependsOn).as("%s depends_on", service).isNotEmpty();
		assertThat(dependsOn).allSatisfy((dependency, condition) -> {
			assertThat(services).containsKey(dependency);
			assertThat(condition).containsEntry("condition", "service_healthy");
		});
		if (service.equals("gateway")) {
			assertThat(dependsOn.keySet()).containsAll(RenderedChart.SERVICES.subList(1, RenderedChart.SERVICES.size()));
		}
		else {
			assertThat(dependsOn.keySet()).contains("postgres", "kafka", "keycloak");
		}
		// the health check asks the readiness group on the management port, never the API's
		String check = String.join(" ", (List<String>) ((Map<String, Object>) definition.get("healthcheck")).get("test"));
		assertThat(check).contains("/actuator/health/readiness")
			.contains("/" + ChartRenderingTest.MANAGEMENT_PORTS.get(service) + " ");
		assertThat(environment(service)).containsEntry("MANAGEMENT_SERVER_PORT",
				String.valueOf(ChartRenderingTest.MANAGEMENT_PORTS.get(service)));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theWebPortalStartsOnceItsDatabaseKeycloakAndTheGatewayAreHealthy() {
		Map<String, Object> definition = services.get(RenderedChart.PORTAL);
		Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) definition.get("depends_on");

		assertThat(dependsOn).containsOnlyKeys("postgres", "keycloak", "gateway");
		assertThat(dependsOn).allSatisfy(
				(dependency, condition) -> assertThat(condition).containsEntry("condition", "service_healthy"));
		// the health check asks the readiness group on the management port, never the public one
		String check = String.join(" ", (List<String>) ((Map<String, Object>) definition.get("healthcheck")).get("test"));
		assertThat(check).contains("/actuator/health/readiness")
			.contains("/" + ChartRenderingTest.PORTAL_MANAGEMENT_PORT + " ");
		assertThat(environment(RenderedChart.PORTAL)).containsEntry("MANAGEMENT_SERVER_PORT",
				String.valueOf(ChartRenderingTest.PORTAL_MANAGEMENT_PORT));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theWebPortalSignsInWithKeycloakAtTheBrowsersAddressAndTheMailsLinkToIt() throws IOException {
		Map<String, Object> portal = services.get(RenderedChart.PORTAL);
		Map<String, Object> env = environment(RenderedChart.PORTAL);

		// http://localhost:8180 (the issuer) must be Keycloak inside the portal's container too
		assertThat(portal).containsEntry("network_mode", "service:keycloak").doesNotContainKey("ports");
		assertThat((List<String>) services.get("keycloak").get("ports")).contains("8090:8090");
		assertThat(env).containsEntry("SERVER_PORT", "8090")
			.containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_KEYCLOAK_ISSUERURI", "http://localhost:8180/realms/portal")
			.containsEntry("PORTAL_WEB_APIURL", "http://gateway:8080")
			.containsEntry("SERVER_FORWARDHEADERSSTRATEGY", "none");
		assertThat(environment("account-service")).containsEntry("PORTAL_ACCOUNT_INVITATIONS_ACCEPTBASEURL",
				"http://localhost:8090");
		assertThat(environment("notification-service")).containsEntry("PORTAL_NOTIFICATIONS_BASEURL", "http://localhost:8090");
		// the realm knows the portal's client with this secret and this redirect URI
		Map<String, Object> realm = new Yaml().load(Files.readString(Repository.path("deploy/keycloak/portal-realm.json")));
		// unset in the compose file: the portal's own default
		Object clientId = env.getOrDefault("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_CLIENTID", "portal-web-server");
		Map<String, Object> client = ((List<Map<String, Object>>) realm.get("clients")).stream()
			.filter(c -> clientId.equals(c.get("clientId")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no client " + clientId + " in the realm"));
		assertThat(client).containsEntry("secret", env.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_CLIENTSECRET")).containsEntry("publicClient", false);
		assertThat((List<String>) client.get("redirectUris")).contains("http://localhost:8090/login/oauth2/code/keycloak");
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "account-service", "order-service", "license-service", "notification-service",
			"portal-web" })
	void servicesGetTheSameEnvironmentVariablesAsInTheChart(String service) {
		Set<String> chart = RenderedChart.withValues(ChartOptionsTest.ALL_OPTIONS).deployment(service).getSpec()
			.getTemplate().getSpec().getContainers().get(0).getEnv().stream()
			.map(EnvVar::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> compose = new TreeSet<>(environment(service).keySet());

		assertThat(compose).isEqualTo(chart);
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "account-service", "order-service", "license-service", "notification-service",
			"portal-web" })
	@SuppressWarnings("unchecked")
	void servicesRunTheBuiltImagesLockedDownLikeInKubernetes(String service) {
		Map<String, Object> definition = services.get(service);
		String image = resolveDefaults((String) definition.get("image"));

		assertThat(image).isEqualTo("customer-portal/" + service + ":" + ContainerImageTest.projectVersion());
		assertThat(definition).containsEntry("read_only", true);
		assertThat((List<String>) definition.get("tmpfs")).contains("/tmp");
		assertThat((List<String>) definition.get("cap_drop")).containsExactly("ALL");
		assertThat(definition).containsKey("mem_limit");
		assertThat(environment(service)).containsEntry("SERVER_PORT", String.valueOf(ChartRenderingTest.PORTS.get(service)));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theGatewayRoutesToTheComposeServices() {
		Map<String, Object> env = environment("gateway");

		for (String service : RenderedChart.SERVICES.subList(1, RenderedChart.SERVICES.size())) {
			String variable = "PORTAL_GATEWAY_ROUTES_" + service.replace("-", "").toUpperCase() + "URL";
			assertThat(env.get(variable)).isEqualTo("http://" + service + ":" + ChartRenderingTest.PORTS.get(service));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void eachServiceAndThePortalHaveTheirOwnDatabaseCreatedAtFirstStart() throws IOException {
		List<String> volumes = (List<String>) services.get("postgres").get("volumes");
		String initScript = volumes.stream().filter(v -> v.contains("docker-entrypoint-initdb.d")).findFirst().orElseThrow();
		Path script = Repository.root().resolve(initScript.substring(0, initScript.indexOf(':')));
		String sql = Files.readString(script);

		for (String service : RenderedChart.COMPONENTS.subList(1, RenderedChart.COMPONENTS.size())) {
			String database = service.replace('-', '_');
			assertThat(sql).contains("CREATE DATABASE " + database + ";");
			assertThat(environment(service).get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + database);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void keycloakImportsThePortalRealmFromTheRepository() {
		Map<String, Object> keycloak = services.get("keycloak");
		List<String> volumes = (List<String>) keycloak.get("volumes");

		assertThat(volumes).contains("./deploy/keycloak/portal-realm.json:/opt/keycloak/data/import/portal-realm.json:ro");
		assertThat(Repository.path("deploy/keycloak/portal-realm.json")).isRegularFile()
			.content().contains("\"realm\"").contains("\"portal\"");
		assertThat((List<String>) keycloak.get("command")).contains("--import-realm", "--hostname=http://localhost:8180");
		assertThat((String) keycloak.get("image")).matches("quay.io/keycloak/keycloak:26\\.[0-9.]+");
		for (String service : RenderedChart.COMPONENTS) {
			String issuer = service.equals(RenderedChart.PORTAL) ? "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_KEYCLOAK_ISSUERURI"
					: "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI";
			assertThat(environment(service)).containsEntry(issuer, "http://localhost:8180/realms/portal");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void kafkaIsASingleKraftNode() {
		Map<String, Object> kafka = services.get("kafka");
		Map<String, Object> env = (Map<String, Object>) kafka.get("environment");

		assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
		assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
			.containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093");
		String internal = ((String) env.get("KAFKA_ADVERTISED_LISTENERS")).replaceAll(".*INTERNAL://([^,]+).*", "$1");
		for (String service : RenderedChart.SERVICES.subList(1, RenderedChart.SERVICES.size())) {
			assertThat(environment(service)).containsEntry("SPRING_KAFKA_BOOTSTRAPSERVERS", internal)
				.containsEntry("PORTAL_EVENTS_REPLICAS", "1");
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> environment(String service) {
		Map<String, Object> env = (Map<String, Object>) services.get(service).get("environment");
		return env.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
				e -> e.getValue() == null ? "" : String.valueOf(e.getValue())));
	}

	/** Resolves ${NAME:-default} the way compose does when NAME is not set. */
	static String resolveDefaults(String value) {
		Matcher m = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}").matcher(value);
		return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
	}

}
