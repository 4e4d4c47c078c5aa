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
		 * What it needs running before it starts, besides PostgreSQL: its Kafka clients log in with Keycloak tokens
		 * while it starts (a login that fails for ten seconds stops the service); the portal reads Keycloak's
		 * discovery document while it starts; the gateway fetches Keycloak's keys on its first request only.
		 */
		Set<Needs> needs() {
			return usesKafka() ? EnumSet.of(Needs.KAFKA, Needs.KEYCLOAK)
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
		env.put("MANAGEMENT_SERVER_PORT", Integer.toString(service.managementPort()));
		// loopback only, the API and the management port alike
		env.put("SERVER_ADDRESS", "127.0.0.1");
		env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
		env.put("SPRING_KAFKA_BOOTSTRAPSERVERS", "localhost:" + Ports.KAFKA);
		env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", Keycloak.ISSUER);
		// development conveniences (the test payment page) are refused without a development profile
		env.put("SPRING_PROFILES_ACTIVE", "local");
		if (service.usesKafka()) {
			// its own Kafka client (Keycloak client credentials); the broker's ACLs name it
			env.put("PORTAL_KAFKA_OAUTH_CLIENTID", service.module() + "-kafka");
			env.put("PORTAL_KAFKA_OAUTH_CLIENTSECRET", service.module() + KAFKA_CLIENT_SECRET_SUFFIX);
			env.put("PORTAL_KAFKA_OAUTH_TOKENENDPOINTURL", Keycloak.TOKEN_URL);
		}
		if (!service.module().equals("gateway")) {
			env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + Ports.POSTGRES + "/" + service.database());
			env.put("SPRING_DATASOURCE_USERNAME", Postgres.USER);
			env.put("SPRING_DATASOURCE_PASSWORD", Postgres.PASSWORD);
		}
		String portal = "http://localhost:" + Ports.PORTAL;
		String gateway = "http://localhost:" + Ports.GATEWAY;
		switch (service.module()) {
			case "account-service" -> {
				env.put("PORTAL_ACCOUNT_KEYCLOAK_ADMINURL", "http://localhost:" + Ports.KEYCLOAK);
				env.put("PORTAL_ACCOUNT_KEYCLOAK_CLIENTSECRET", ACCOUNT_SERVICE_CLIENT_SECRET);
				env.put("PORTAL_ACCOUNT_INVITATIONS_ACCEPTBASEURL", portal);
			}
			case "order-service" -> {
				// asked about a membership its read model does not know yet (read-your-writes)
				env.put("PORTAL_ACCOUNTSERVICE_URL", url("account-service"));
				// the simulated provider's test payment page (which moves no money), served through the gateway
				env.put("PORTAL_ORDER_PAYMENTS_PROVIDER", "simulated");
				env.put("PORTAL_ORDER_PAYMENTS_PORTALBASEURL", portal);
				env.put("PORTAL_ORDER_PAYMENTS_SIMULATED_PAGEBASEURL", gateway);
			}
			case "license-service" -> env.put("PORTAL_ACCOUNTSERVICE_URL", url("account-service"));
			case "notification-service" -> {
				env.put("SPRING_MAIL_PORT", Integer.toString(Ports.SMTP));
				env.put("PORTAL_NOTIFICATIONS_BASEURL", portal);
				// the unsubscribe page is the API's (the gateway), not the portal's: two hosts here, one in the chart
				env.put("PORTAL_NOTIFICATIONS_UNSUBSCRIBE_BASEURL", gateway);
			}
			case "gateway" -> {
				env.put("PORTAL_GATEWAY_ROUTES_ACCOUNTSERVICEURL", url("account-service"));
				env.put("PORTAL_GATEWAY_ROUTES_ORDERSERVICEURL", url("order-service"));
				env.put("PORTAL_GATEWAY_ROUTES_LICENSESERVICEURL", url("license-service"));
				env.put("PORTAL_GATEWAY_ROUTES_NOTIFICATIONSERVICEURL", url("notification-service"));
				if (!gatewayIoThreads.isBlank()) {
					env.put("GATEWAY_IO_THREADS", gatewayIoThreads);
				}
			}
			case "portal-web" -> {
				env.put("PORTAL_WEB_APIURL", gateway);
				env.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_KEYCLOAK_ISSUERURI", Keycloak.ISSUER);
				env.put("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_CLIENTSECRET", PORTAL_WEB_CLIENT_SECRET);
				// the simulated payment page is served through the gateway
				env.put("PORTAL_WEB_FORMACTIONORIGINS", gateway);
			}
			default -> throw new IllegalArgumentException("no environment for " + service.module());
		}
		return env;
	}

}
