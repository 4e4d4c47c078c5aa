package org.customerportal.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportal.deploy.OperatorResources.list;
import static org.customerportal.deploy.OperatorResources.map;
import static org.customerportal.deploy.OperatorResources.name;
import static org.customerportal.deploy.OperatorResources.ofKind;
import static org.customerportal.deploy.OperatorResources.single;

/**
 * The CloudNativePG and Keycloak operator resources of {@code deploy/operators}: valid against the
 * operators' published CRD schemas (no cluster here), and wired to each other and to the chart: every
 * database the chart connects to exists with its owner and password Secret, Keycloak issues the tokens
 * the services and Kafka check, the realm imported is the production realm, and every Secret anything
 * reads is made by create-secrets.sh or one of the templates.
 */
class PostgresAndKeycloakOperatorResourcesTest {

	static final Map<String, String> CRDS = Map.of("Cluster", "postgresql.cnpg.io_clusters.yaml", "Database",
			"postgresql.cnpg.io_databases.yaml", "ScheduledBackup", "postgresql.cnpg.io_scheduledbackups.yaml",
			"Keycloak", "keycloaks.k8s.keycloak.org-v1.yml", "KeycloakRealmImport",
			"keycloakrealmimports.k8s.keycloak.org-v1.yml");

	static final RenderedChart CHART = RenderedChart.render(List.of(OperatorResources.CHART_VALUES), Map.of());

	@ParameterizedTest
	@ValueSource(strings = { "postgres", "keycloak" })
	void everyResourceFitsItsOperatorsPublishedSchema(String folder) {
		List<Map<String, Object>> custom = OperatorResources.documents(folder).stream()
			.filter(d -> CRDS.containsKey((String) d.get("kind")))
			.toList();

		assertThat(custom).isNotEmpty();
		for (Map<String, Object> resource : custom) {
			assertThat(CrdSchemas.violations(CRDS.get((String) resource.get("kind")), resource))
				.as("%s %s", resource.get("kind"), name(resource)).isEmpty();
		}
		assertThat(OperatorResources.documents(folder)).allSatisfy(d -> assertThat(
				CRDS.containsKey((String) d.get("kind")) || d.get("kind").equals("Ingress"))
			.as("a kind of the operators or an Ingress: %s", d.get("kind")).isTrue());
	}

	@Test
	void theSchemaCheckRefusesAMisspeltOrMissingField() {
		Map<String, Object> database = new Yaml().load("""
				apiVersion: postgresql.cnpg.io/v1
				kind: Database
				metadata: {name: demo}
				spec:
				  cluster: {name: portal-db}
				  name: demo
				  ownr: demo
				""");

		assertThat(CrdSchemas.violations(CRDS.get("Database"), database)).anySatisfy(v -> assertThat(v).contains("ownr"))
			.anySatisfy(v -> assertThat(v).contains("owner"));
	}

	@Test
	void theKeycloakIngressIsAValidIngressForTheIssuersHost() throws Exception {
		Ingress ingress = (Ingress) RenderedChart.parseStrictly(OperatorResources.read(OperatorResources.ROOT.resolve("keycloak/ingress.yaml"))).get(0);
		String issuerHost = URI.create((String) OperatorResources.chartValue("global.keycloak.issuerUri")).getHost();

		assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
			assertThat(rule.getHost()).isEqualTo(issuerHost);
			assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
				assertThat(path.getBackend().getService().getName()).isEqualTo(keycloakService());
				assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(8080);
			});
		});
		assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> assertThat(tls.getHosts()).containsExactly(issuerHost));
	}

	@Test
	void everyDatabaseTheChartConnectsToExistsOwnedByItsUserWithThePasswordTheChartReads() {
		Map<String, Object> cluster = single("postgres", "Cluster");
		Map<String, Map<String, Object>> roles = list(cluster, "spec", "managed", "roles").stream()
			.collect(Collectors.toMap(r -> (String) r.get("name"), r -> r));
		Map<String, Map<String, Object>> databases = ofKind("postgres", "Database").stream()
			.collect(Collectors.toMap(d -> (String) map(d, "spec").get("name"), d -> d));
		Set<String> connected = new TreeSet<>();

		for (String component : RenderedChart.COMPONENTS) {
			Map<String, EnvVar> env = RenderedChart.env(CHART.deployment(component));
			if (!env.containsKey("SPRING_DATASOURCE_URL")) {
				continue;
			}
			URI url = URI.create(env.get("SPRING_DATASOURCE_URL").getValue().substring("jdbc:".length()));
			String database = url.getPath().substring(1);
			String user = env.get("SPRING_DATASOURCE_USERNAME").getValue();
			connected.add(database);

			assertThat(url.getHost()).as(component).isEqualTo(name(cluster) + "-rw");
			assertThat(databases).as(component).containsKey(database);
			Map<String, Object> spec = map(databases.get(database), "spec");
			assertThat(spec.get("owner")).as("%s's database owner", component).isEqualTo(user);
			assertThat(map(spec, "cluster").get("name")).isEqualTo(name(cluster));
			assertThat(roles).as(component).containsKey(user);
			assertThat(roles.get(user)).containsEntry("login", true).containsEntry("ensure", "present");
			var password = env.get("SPRING_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef();
			assertThat(map(roles.get(user), "passwordSecret").get("name")).as(component).isEqualTo(password.getName());
			assertThat(password.getKey()).as("CloudNativePG reads the key password").isEqualTo("password");
		}
		assertThat(connected).as("the five services' and the portal's")
			.containsExactlyInAnyOrder("account_service", "order_service", "license_service", "notification_service", "portal_web");
	}

	@Test
	void keycloakKeepsItsDataInTheSameClusterUnderItsOwnRole() {
		Map<String, Object> db = map(single("keycloak", "Keycloak"), "spec", "db");
		Map<String, Object> cluster = single("postgres", "Cluster");
		Map<String, Object> database = ofKind("postgres", "Database").stream()
			.filter(d -> db.get("database").equals(map(d, "spec").get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no Database " + db.get("database")));
		String secret = (String) map(db, "passwordSecret").get("name");

		assertThat(db).containsEntry("vendor", "postgres").containsEntry("host", name(cluster) + "-rw");
		assertThat(map(db, "usernameSecret").get("name")).isEqualTo(secret);
		assertThat(list(cluster, "spec", "managed", "roles")).anySatisfy(role -> {
			assertThat(role.get("name")).isEqualTo(map(database, "spec").get("owner"));
			assertThat(map(role, "passwordSecret").get("name")).isEqualTo(secret);
		});
	}

	@Test
	void theNightlyBackupBacksUpTheClusterToItsObjectStore() {
		Map<String, Object> backup = single("postgres", "ScheduledBackup");
		Map<String, Object> cluster = single("postgres", "Cluster");

		assertThat(map(backup, "spec", "cluster").get("name")).isEqualTo(name(cluster));
		assertThat(map(backup, "spec").get("method")).isEqualTo("barmanObjectStore");
		assertThat(map(cluster, "spec", "backup", "barmanObjectStore").get("destinationPath")).asString().startsWith("s3://");
		assertThat(map(cluster, "spec", "backup").get("retentionPolicy")).isNotNull();
		// six fields: CloudNativePG's schedule starts with seconds
		assertThat(((String) map(backup, "spec").get("schedule")).split(" ")).hasSize(6);
	}

	@Test
	void keycloakIssuesTheTokensTheServicesAndKafkaCheckAndServesKeysInsideTheCluster() {
		Map<String, Object> keycloak = single("keycloak", "Keycloak");
		String realm = (String) map(single("keycloak", "KeycloakRealmImport"), "spec", "realm").get("realm");
		String internal = "http://" + keycloakService() + ":8080/realms/" + realm;

		assertThat(OperatorResources.chartValue("global.keycloak.issuerUri"))
			.isEqualTo(map(keycloak, "spec", "hostname").get("hostname") + "/realms/" + realm);
		assertThat(map(keycloak, "spec", "http").get("httpEnabled")).as("in-cluster HTTP on 8080").isEqualTo(true);
		assertThat(OperatorResources.chartValue("global.keycloak.jwkSetUri")).isEqualTo(internal + "/protocol/openid-connect/certs");
		assertThat(OperatorResources.chartValue("global.kafka.authentication.tokenEndpointUrl"))
			.isEqualTo(internal + "/protocol/openid-connect/token");
		assertThat(OperatorResources.chartValue("services.account-service.keycloakAdmin.url"))
			.isEqualTo("http://" + keycloakService() + ":8080");
	}

	@Test
	void theImportedRealmIsTheProductionRealmWithEveryPlaceholderFilledFromASecret() throws IOException {
		Map<String, Object> realmImport = single("keycloak", "KeycloakRealmImport");
		Object production = new Yaml().load(Files.readString(ProductionRealmTest.PRODUCTION));
		Set<String> used = new TreeSet<>();
		Matcher m = ProductionRealmTest.PLACEHOLDER.matcher(Files.readString(ProductionRealmTest.PRODUCTION));
		while (m.find()) {
			used.add(m.group().substring(2, m.group().length() - 1));
		}

		assertThat(map(realmImport, "spec", "realm")).as("realm-import.yaml is regenerated by realm-import.sh")
			.isEqualTo(production);
		assertThat(map(realmImport, "spec").get("keycloakCRName")).isEqualTo(name(single("keycloak", "Keycloak")));
		assertThat(map(realmImport, "spec", "placeholders").keySet()).as("an unfilled placeholder stays literal text")
			.containsExactlyInAnyOrderElementsOf(used);
	}

	@Test
	void everySecretAnythingReadsIsMadeByCreateSecretsOrATemplate() throws Exception {
		Map<String, Set<String>> provided = CreatedSecrets.byScriptAndTemplates();
		Map<String, Set<String>> read = new java.util.TreeMap<>();
		java.util.function.BiConsumer<String, String> reads = (secret, key) -> read.computeIfAbsent(secret, k -> new TreeSet<>()).add(key);

		for (String component : RenderedChart.COMPONENTS) {
			RenderedChart.env(CHART.deployment(component)).values().stream()
				.filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
				.forEach(e -> reads.accept(e.getValueFrom().getSecretKeyRef().getName(), e.getValueFrom().getSecretKeyRef().getKey()));
		}
		for (Map<String, Object> role : list(single("postgres", "Cluster"), "spec", "managed", "roles")) {
			reads.accept((String) map(role, "passwordSecret").get("name"), "username");
			reads.accept((String) map(role, "passwordSecret").get("name"), "password");
		}
		map(single("postgres", "Cluster"), "spec", "backup", "barmanObjectStore", "s3Credentials").values()
			.forEach(ref -> reads.accept((String) ((Map<?, ?>) ref).get("name"), (String) ((Map<?, ?>) ref).get("key")));
		Map<String, Object> db = map(single("keycloak", "Keycloak"), "spec", "db");
		for (String ref : List.of("usernameSecret", "passwordSecret")) {
			reads.accept((String) map(db, ref).get("name"), (String) map(db, ref).get("key"));
		}
		map(single("keycloak", "KeycloakRealmImport"), "spec", "placeholders").values().forEach(p -> {
			Map<?, ?> secret = (Map<?, ?>) ((Map<?, ?>) p).get("secret");
			reads.accept((String) secret.get("name"), (String) secret.get("key"));
		});

		assertThat(read).isNotEmpty().allSatisfy((secret, keys) -> {
			assertThat(provided).as("Secret %s", secret).containsKey(secret);
			assertThat(provided.get(secret)).as("keys of Secret %s", secret).containsAll(keys);
		});
	}

	static String keycloakService() {
		// the Keycloak operator's Service for a Keycloak named N is N-service
		return name(single("keycloak", "Keycloak")) + "-service";
	}

	/** The Secrets create-secrets.sh makes (run against a stand-in kubectl) and the templates declare. */
	static final class CreatedSecrets {

		static Map<String, Set<String>> byScriptAndTemplates() throws Exception {
			Map<String, Set<String>> secrets = new java.util.TreeMap<>();
			Path bin = Files.createTempDirectory("kubectl");
			Path log = bin.resolve("calls.log");
			Path kubectl = bin.resolve("kubectl");
			// "get" answers that nothing exists; every other call is recorded, one argument a line
			Files.writeString(kubectl, """
					#!/usr/bin/env bash
					for a in "$@"; do [ "$a" = get ] && exit 1; done
					printf '%s\\n' "$@" '--' >> "$(dirname "$0")/calls.log"
					""");
			kubectl.toFile().setExecutable(true);
			ProcessBuilder run = new ProcessBuilder("bash", OperatorResources.ROOT.resolve("create-secrets.sh").toString(), "portal",
					"https://portal.example.com").redirectErrorStream(true);
			run.environment().put("PATH", bin + ":" + System.getenv("PATH"));
			Process process = run.start();
			String output = new String(process.getInputStream().readAllBytes());
			assertThat(process.waitFor()).as(output).isZero();

			String name = null;
			boolean create = false;
			for (String arg : Files.readAllLines(log)) {
				if (arg.equals("--")) {
					name = null;
					create = false;
				}
				else if (arg.equals("create")) {
					create = true;
				}
				else if (create && name == null && !arg.startsWith("-") && !List.of("secret", "generic").contains(arg)
						&& !arg.equals("portal")) {
					name = arg;
					secrets.computeIfAbsent(name, k -> new TreeSet<>());
				}
				else if (create && arg.startsWith("--from-literal=")) {
					String kv = arg.substring("--from-literal=".length());
					assertThat(kv.substring(kv.indexOf('=') + 1)).as("a value for %s", kv.substring(0, kv.indexOf('='))).isNotBlank();
					secrets.get(name).add(kv.substring(0, kv.indexOf('=')));
				}
			}
			try (var templates = Files.list(OperatorResources.ROOT)) {
				for (Path template : templates.filter(f -> f.getFileName().toString().endsWith("-secret.template.yaml")).toList()) {
					Map<String, Object> secret = new Yaml().load(Files.readString(template));
					secrets.put(name(secret), new TreeSet<>(map(secret, "stringData").keySet()));
				}
			}
			return secrets;
		}

	}

}
