package org.customerportal.launcher;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every environment variable the launcher gives a service, in one place: the variables every service gets,
 * then one table per service. The values are the local addresses of docs/local-run.md, the same as the
 * services' defaults, plus what has no default on purpose (the development profile, the simulated payment
 * provider, the local-only secrets).
 */
final class ServiceEnvironment {

	/** A service: its module, its API port and its management (probes, metrics) port. */
	record Service(String module, int port, int managementPort) {

		String database() {
			return module.replace('-', '_');
		}

		boolean usesKafka() {
			return !module.equals("gateway") && !module.equals("portal-web");
		}

		/**
		 * What it needs running before it starts, besides PostgreSQL: its Kafka consumers log in with Keycloak
		 * tokens, but only at the end of their start, by which time Keycloak (started first) answers and the Kafka
		 * client's login retries bridge the rest; the portal reads Keycloak's discovery document while it starts;
		 * the gateway fetches Keycloak's keys on its first request only.
		 */
		Set<Needs> needs() {
			return usesKafka() ? EnumSet.of(Needs.KAFKA)
					: module.equals("portal-web") ? EnumSet.of(Needs.KEYCLOAK) : EnumSet.noneOf(Needs.class);
		}

	}

	/** In start order; {@code down} stops them the other way round. */
	static final List<Service> SERVICES = List.of(new Service("account-service", 8081, 9081),
			new Service("order-service", 8082, 9082), new Service("license-service", 8083, 9083),
			new Service("notification-service", 8084, 9084), new Service("gateway", Ports.GATEWAY, 9080),
			new Service("portal-web", Ports.PORTAL, 9090));

	/** LOCAL DEVELOPMENT DEFAULTS: the local realm's client secrets (deploy/keycloak/portal-realm.json). */
	static final String ACCOUNT_SERVICE_CLIENT_SECRET = "account-service-local-secret";

	static final String PORTAL_WEB_CLIENT_SECRET = "portal-web-server-local-secret";

	/** Each service's Kafka client is {@code <service>-kafka} with this secret suffix (local only). */
	static final String KAFKA_CLIENT_SECRET_SUFFIX = "-kafka-local-secret";

	private ServiceEnvironment() {
	}

	static Service service(String module) {
		return SERVICES.stream()
			.filter(s -> s.module().equals(module))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no service " + module));
	}

	static String url(String module) {
		return "http://localhost:" + service(module).port();
	}

	/**
	 * The environment of one service. {@code gatewayIoThreads} is the gateway's event-loop threads (empty: one
	 * per core).
	 */
	static Map<String, String> of(Service service, String gatewayIoThreads) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SERVER_PORT", Integer.toString(service.port()));
		env.put("MANAGEMENT_PORT", Integer.toString(service.managementPort()));
		// loopback only, the API and the management port alike
		env.put("SERVER_ADDRESS", "127.0.0.1");
		env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
		env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + Ports.KAFKA);
		env.put("KEYCLOAK_ISSUER_URI", Keycloak.ISSUER);
		env.put("KEYCLOAK_JWK_SET_URI", Keycloak.JWKS_URL);
		env.put("PORTAL_BASE_URL", "http://localhost:" + Ports.PORTAL);
		// development conveniences (the test payment page) are refused without a development profile
		env.put("SPRING_PROFILES_ACTIVE", "local");
		if (service.usesKafka()) {
			// its own Kafka client (Keycloak client credentials); the broker's ACLs name it
			env.put("PORTAL_KAFKA_OAUTH_CLIENT_ID", service.module() + "-kafka");
			env.put("PORTAL_KAFKA_OAUTH_CLIENT_SECRET", service.module() + KAFKA_CLIENT_SECRET_SUFFIX);
			env.put("PORTAL_KAFKA_OAUTH_TOKEN_ENDPOINT_URL", Keycloak.TOKEN_URL);
		}
		if (!service.module().equals("gateway")) {
			env.put("DB_URL", "jdbc:postgresql://localhost:" + Ports.POSTGRES + "/" + service.database());
			env.put("DB_USERNAME", Postgres.USER);
			env.put("DB_PASSWORD", Postgres.PASSWORD);
		}
		switch (service.module()) {
			case "account-service" -> {
				env.put("KEYCLOAK_ADMIN_URL", "http://localhost:" + Ports.KEYCLOAK);
				env.put("KEYCLOAK_REALM", "portal");
				env.put("KEYCLOAK_ADMIN_CLIENT_ID", "account-service");
				env.put("KEYCLOAK_ADMIN_CLIENT_SECRET", ACCOUNT_SERVICE_CLIENT_SECRET);
			}
			case "order-service" -> {
				// asked about a membership its read model does not know yet (read-your-writes)
				env.put("ACCOUNT_SERVICE_URL", url("account-service"));
				// the simulated provider's test payment page (which moves no money), served through the gateway
				env.put("ORDER_PAYMENT_PROVIDER", "simulated");
				env.put("ORDER_SIMULATED_PAYMENT_PAGE_BASE_URL", "http://localhost:" + Ports.GATEWAY);
			}
			case "license-service" -> env.put("ACCOUNT_SERVICE_URL", url("account-service"));
			case "notification-service" -> {
				env.put("SMTP_HOST", "localhost");
				env.put("SMTP_PORT", Integer.toString(Ports.SMTP));
				env.put("MAIL_FROM", "portal@localhost");
				// the unsubscribe page is the API's (the gateway), not the portal's: two hosts here, one in the chart
				env.put("PORTAL_NOTIFICATIONS_UNSUBSCRIBE_BASE_URL", "http://localhost:" + Ports.GATEWAY);
			}
			case "gateway" -> {
				env.put("ACCOUNT_SERVICE_URL", url("account-service"));
				env.put("ORDER_SERVICE_URL", url("order-service"));
				env.put("LICENSE_SERVICE_URL", url("license-service"));
				env.put("NOTIFICATION_SERVICE_URL", url("notification-service"));
				env.put("CORS_ALLOWED_ORIGINS", "http://localhost:3000");
				if (!gatewayIoThreads.isBlank()) {
					env.put("GATEWAY_IO_THREADS", gatewayIoThreads);
				}
			}
			case "portal-web" -> {
				env.put("PORTAL_WEB_API_URL", "http://localhost:" + Ports.GATEWAY);
				env.put("PORTAL_CLIENT_SECRET", PORTAL_WEB_CLIENT_SECRET);
				// the simulated payment page is served through the gateway
				env.put("PORTAL_WEB_FORM_ACTION_ORIGINS", "http://localhost:" + Ports.GATEWAY);
			}
			default -> throw new IllegalArgumentException("no environment for " + service.module());
		}
		return env;
	}

}
