package org.customerportal.e2e.support;

import java.net.URI;
import java.time.Duration;

/**
 * Where the suite answers: the fixed local ports of the project conventions (docs/local-run.md).
 */
public final class Endpoints {

	public static final URI GATEWAY = URI.create("http://localhost:8080");

	/** The gateway's probes and metrics: its management port, never the API's. */
	public static final URI GATEWAY_MANAGEMENT = URI.create("http://localhost:9080");

	/** The web portal; another one (e.g. started from an IDE on another port) through E2E_PORTAL_URL. */
	public static final URI PORTAL = URI.create(env("E2E_PORTAL_URL", "http://localhost:8090"));

	public static final URI KEYCLOAK = URI.create("http://localhost:8180");

	public static final String REALM = "portal";

	public static final URI MAIL_CATCHER = URI.create("http://localhost:8025");

	/** The confidential client with direct grants that the realm has for scripts and tests (local only). */
	public static final String CLI_CLIENT_ID = "portal-cli";

	public static final String CLI_CLIENT_SECRET = "portal-cli-local-secret";

	/** account-service's own client (a service account for Keycloak's admin API; local-only secret). */
	public static final String ACCOUNT_SERVICE_CLIENT_ID = "account-service";

	public static final String ACCOUNT_SERVICE_CLIENT_SECRET = "account-service-local-secret";

	/** account-service itself, past the gateway: every service checks the token again. */
	public static final URI ACCOUNT_SERVICE = URI.create("http://localhost:8081");

		/** The demo support user of the realm (local-only password). */
	public static final String SUPPORT_USERNAME = "sam";

	public static final String SUPPORT_PASSWORD = "sam-local";

	/** The demo sales user of the realm (local-only password). */
	public static final String SALES_USERNAME = "sally";

	public static final String SALES_PASSWORD = "sally-local";

	/**
	 * How long an effect carried by events (Kafka, then a consumer's read model, then maybe a mail) may
	 * take. Generous: the machines that run these tests are small and busy.
	 */
	public static final Duration EVENTUAL = Duration.ofSeconds(90);

	private Endpoints() {
	}

	/** The bootstrap admin of the local Keycloak (a LOCAL-ONLY default of ./local-run). */
	static String keycloakAdminUser() {
		return env("E2E_KEYCLOAK_ADMIN_USER", "admin");
	}

	static String keycloakAdminPassword() {
		return env("E2E_KEYCLOAK_ADMIN_PASSWORD", "admin");
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
