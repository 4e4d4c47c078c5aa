package org.customerportal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm operators import in production ({@code deploy/keycloak/portal-realm-production.json})
 * is safe as it stands: nobody can sign in with a known password, no client takes passwords, every
 * secret comes from the environment at import, guessing passwords is slowed down, tokens are short
 * and e-mail addresses are verified; and it has every client the chart and the services name, with
 * the {@code portal-api} audience on the ones that call the API. The local realm is its opposite, and
 * both agree on the roles.
 */
class ProductionRealmTest {

	static final Path PRODUCTION = Repository.path("deploy/keycloak/portal-realm-production.json");

	static final Path LOCAL = Repository.path("deploy/keycloak/portal-realm.json");

	static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");

	/** Clients whose tokens call the portal's API: the web portal and the gateway's Swagger UI. */
	static final Set<String> API_CLIENTS = Set.of("portal-web-server", "portal-web");

	/** Kafka clients (client credentials): one per service that uses Kafka, and an example billing system. */
	static final Set<String> KAFKA_CLIENTS = Set.of("account-service-kafka", "order-service-kafka",
			"license-service-kafka", "notification-service-kafka", "billing");

	final Map<String, Object> production = realm(PRODUCTION);

	@Test
	void hasNoPeopleOnlyTheServiceAccountItNeeds() {
		assertThat(list(production, "users")).allSatisfy(user -> {
			assertThat(user).as("only service accounts, created with their client").containsKey("serviceAccountClientId");
			assertThat(user).doesNotContainKey("credentials");
		});
	}

	@Test
	void noClientTakesPasswords() {
		assertThat(clients(production)).isNotEmpty().allSatisfy(client -> {
			assertThat(client.get("directAccessGrantsEnabled")).as("%s: password grant", client.get("clientId"))
				.isEqualTo(false);
			assertThat(client.get("implicitFlowEnabled")).as("%s: implicit flow", client.get("clientId"))
				.isNotEqualTo(true);
		});
		assertThat(clientIds(production)).doesNotContain("portal-cli")
			.as("Keycloak's own admin-cli is declared only to switch its password grant off")
			.contains("admin-cli");
	}

	@Test
	void everySecretIsAPlaceholderFilledAtImport() {
		for (Map<String, Object> client : clients(production)) {
			if (Boolean.FALSE.equals(client.get("publicClient")) && client.containsKey("secret")) {
				assertThat((String) client.get("secret")).as("secret of %s", client.get("clientId"))
					.matches(PLACEHOLDER);
			}
		}
		Map<String, Object> smtp = map(production, "smtpServer");
		assertThat((String) smtp.get("password")).matches(PLACEHOLDER);
		assertThat((String) smtp.get("user")).matches(PLACEHOLDER);
		String text = read(PRODUCTION);
		assertThat(text).doesNotContainIgnoringCase("local-secret").doesNotContain("\"value\"");
		assertThat(placeholders(text)).as("the environment variables operators set, all documented")
			.containsExactlyInAnyOrder("PORTAL_REALM_PORTAL_URL", "PORTAL_REALM_API_URL",
					"PORTAL_REALM_WEB_CLIENT_SECRET", "PORTAL_REALM_ACCOUNT_SERVICE_SECRET", "PORTAL_REALM_SMTP_HOST",
					"PORTAL_REALM_SMTP_PORT", "PORTAL_REALM_SMTP_FROM", "PORTAL_REALM_SMTP_USER",
					"PORTAL_REALM_SMTP_PASSWORD", "PORTAL_REALM_ACCOUNT_SERVICE_KAFKA_SECRET",
					"PORTAL_REALM_ORDER_SERVICE_KAFKA_SECRET", "PORTAL_REALM_LICENSE_SERVICE_KAFKA_SECRET",
					"PORTAL_REALM_NOTIFICATION_SERVICE_KAFKA_SECRET", "PORTAL_REALM_BILLING_KAFKA_SECRET");
		String operations = read(Repository.path("docs/operations.md"));
		String realmGuide = read(Repository.path("deploy/keycloak/README.md"));
		assertThat(placeholders(text)).allSatisfy(variable -> {
			assertThat(operations).contains(variable);
			assertThat(realmGuide).contains(variable);
		});
	}

	@Test
	void slowsDownPasswordGuessingKeepsTokensShortAndVerifiesAddresses() {
		assertThat(production.get("bruteForceProtected")).isEqualTo(true);
		assertThat(production.get("accessTokenLifespan")).isInstanceOf(Integer.class);
		assertThat((Integer) production.get("accessTokenLifespan")).isPositive().isLessThanOrEqualTo(300);
		assertThat(production.get("verifyEmail")).isEqualTo(true);
		assertThat(production.get("sslRequired")).isIn("all", "external");
		assertThat(production.get("registrationAllowed")).as("self-registration, as in the local realm")
			.isEqualTo(realm(LOCAL).get("registrationAllowed"));
	}

	@Test
	void theClientsThatCallTheApiPutThePortalApiAudienceInAccessTokensOnly() {
		for (Map<String, Object> client : clients(production)) {
			String clientId = (String) client.get("clientId");
			List<Map<String, Object>> audience = audienceMappers(client);
			if (API_CLIENTS.contains(clientId)) {
				assertThat(audience).as(clientId).singleElement().satisfies(mapper -> {
					Map<String, Object> config = map(mapper, "config");
					assertThat(config.get("included.custom.audience")).isEqualTo("portal-api");
					assertThat(config.get("access.token.claim")).isEqualTo("true");
					assertThat(config.get("id.token.claim")).isEqualTo("false");
				});
			}
			else if (KAFKA_CLIENTS.contains(clientId)) {
				// the broker accepts only tokens with the audience kafka, and these clients call nothing else
				assertThat(audience).as(clientId).singleElement().satisfies(mapper -> {
					Map<String, Object> config = map(mapper, "config");
					assertThat(config.get("included.custom.audience")).isEqualTo("kafka");
					assertThat(config.get("access.token.claim")).isEqualTo("true");
				});
				assertThat(client.get("serviceAccountsEnabled")).as(clientId).isEqualTo(true);
				assertThat(client.get("standardFlowEnabled")).as(clientId).isEqualTo(false);
			}
			else {
				assertThat(audience).as("%s does not call the API", clientId)
					.noneSatisfy(mapper -> assertThat(map(mapper, "config").get("included.custom.audience"))
						.isEqualTo("portal-api"));
			}
		}
	}

	@Test
	void hasTheKafkaClientsOfTheLocalRealmWithClientCredentialsOnlyAndTheKafkaAudience() {
		List<String> kafkaClients = clients(realm(LOCAL)).stream()
			.filter(client -> audienceMappers(client).stream()
				.anyMatch(mapper -> "kafka".equals(map(mapper, "config").get("included.custom.audience"))))
			.map(client -> (String) client.get("clientId"))
			.toList();
		assertThat(kafkaClients).as("the local realm's Kafka clients")
			.containsExactlyInAnyOrder("account-service-kafka", "order-service-kafka", "license-service-kafka",
					"notification-service-kafka", "billing");

		for (String clientId : kafkaClients) {
			Map<String, Object> client = clients(production).stream()
				.filter(c -> clientId.equals(c.get("clientId")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("the production realm lacks the Kafka client " + clientId));
			assertThat(client).as(clientId)
				.containsEntry("enabled", true)
				.containsEntry("publicClient", false)
				.containsEntry("serviceAccountsEnabled", true)
				.containsEntry("standardFlowEnabled", false)
				.containsEntry("directAccessGrantsEnabled", false)
				.containsEntry("fullScopeAllowed", false);
			assertThat((String) client.get("secret")).as("secret of %s", clientId)
				.isEqualTo("${PORTAL_REALM_" + clientId.toUpperCase().replace("-KAFKA", "").replace('-', '_') + "_KAFKA_SECRET}");
			assertThat(audienceMappers(client)).as("%s: the broker requires the kafka audience", clientId)
				.singleElement()
				.satisfies(mapper -> assertThat(map(mapper, "config")).containsEntry("included.custom.audience", "kafka")
					.containsEntry("access.token.claim", "true")
					.containsEntry("id.token.claim", "false"));
			assertThat(list(production, "users")).as("%s has no roles", clientId)
				.noneMatch(user -> clientId.equals(user.get("serviceAccountClientId")));
		}
	}

	@Test
	void hasEveryClientTheChartAndTheServicesName() {
		Set<String> named = new TreeSet<>();
		Path examples = Repository.path("deploy/helm/examples");
		try (Stream<Path> files = Files.list(examples)) {
			Stream.concat(Stream.of(Repository.chart().resolve("values.yaml")), files.filter(f -> f.toString().endsWith(".yaml")))
				.forEach(values -> collectClientIds(new Yaml().load(read(values)), named));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Pattern clientIdDefault = Pattern.compile("client-id: ([a-z0-9-]+)");
		for (String service : List.of("account-service", "gateway", "portal-web")) {
			Matcher matcher = clientIdDefault
				.matcher(read(Repository.path(service + "/src/main/resources/application.yml")));
			while (matcher.find()) {
				named.add(matcher.group(1));
			}
		}

		assertThat(named).as("found in the chart and the services")
			.contains("account-service", "portal-web-server", "portal-web");
		assertThat(clientIds(production)).containsAll(named);
		assertThat(serviceAccountRoles("account-service")).as("disabling removed people")
			.containsExactlyInAnyOrder("manage-users", "view-users");
	}

	@Test
	void fitsKeycloaksColumns() {
		// an import fails on a client description longer than Keycloak's column
		assertThat(clients(production)).allSatisfy(client -> assertThat((String) client.getOrDefault("description", ""))
			.as("description of %s", client.get("clientId")).hasSizeLessThanOrEqualTo(255));
	}

	@Test
	void hasTheSameRolesAsTheLocalRealm() {
		assertThat(production.get("roles")).isEqualTo(realm(LOCAL).get("roles"));
		assertThat(production.get("defaultRole")).isEqualTo(realm(LOCAL).get("defaultRole"));
	}

	@Test
	void theLocalRealmStaysMarkedLocal() {
		Map<String, Object> local = realm(LOCAL);
		assertThat((String) local.get("displayName")).contains("local");
		assertThat(clientIds(local)).contains("portal-cli");
		for (Map<String, Object> client : clients(local)) {
			if (API_CLIENTS.contains(client.get("clientId")) || "portal-cli".equals(client.get("clientId"))) {
				assertThat(audienceMappers(client)).as("%s calls the API", client.get("clientId")).hasSize(1);
			}
		}
	}

	private List<String> serviceAccountRoles(String clientId) {
		return list(production, "users").stream()
			.filter(user -> clientId.equals(user.get("serviceAccountClientId")))
			.findFirst()
			.map(user -> map(user, "clientRoles"))
			.map(roles -> strings(roles.get("realm-management")))
			.orElse(List.of());
	}

	@SuppressWarnings("unchecked")
	private static void collectClientIds(Object node, Set<String> into) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if ("clientId".equals(key) && value instanceof String id && !id.isBlank()) {
					into.add(id);
				}
				collectClientIds(value, into);
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach(item -> collectClientIds(item, into));
		}
	}

	private static List<Map<String, Object>> audienceMappers(Map<String, Object> client) {
		return list(client, "protocolMappers").stream()
			.filter(mapper -> "oidc-audience-mapper".equals(mapper.get("protocolMapper")))
			.toList();
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group().substring(2, matcher.group().length() - 1));
		}
		return found;
	}

	private static List<String> clientIds(Map<String, Object> realm) {
		return clients(realm).stream().map(client -> (String) client.get("clientId")).toList();
	}

	private static List<Map<String, Object>> clients(Map<String, Object> realm) {
		return list(realm, "clients");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		return value == null ? List.of() : (List<Map<String, Object>>) value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		return value == null ? Map.of() : (Map<String, Object>) value;
	}

	private static List<String> strings(Object value) {
		List<String> result = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach(item -> result.add(String.valueOf(item)));
		}
		return result;
	}

	private static Map<String, Object> realm(Path file) {
		return new Yaml().load(read(file));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
