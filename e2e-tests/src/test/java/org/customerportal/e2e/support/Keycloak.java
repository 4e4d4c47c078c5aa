package org.customerportal.e2e.support;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real Keycloak of the suite: tokens by password grant, and new people for each run.
 *
 * <p>Every run signs up its own people (through Keycloak's admin API, as the bootstrap admin of the
 * local run) named after the journey's personas, e.g. {@code alice-k2x9f}: a person belongs to one
 * organisation at most, and a journey must be repeatable against a suite that already ran it. The
 * realm's support user {@code sam} is used as it is.
 */
public final class Keycloak {

	/** Tells this run's people apart from earlier runs' in the same suite. */
	public static final String RUN = Long.toString(System.currentTimeMillis() / 1000 % 100_000_000L, 36)
			+ Integer.toString(new Random().nextInt(36 * 36), 36);

	private static final Map<String, AtomicInteger> PERSONAS = new ConcurrentHashMap<>();

	private static final URI TOKEN = URI
		.create(Endpoints.KEYCLOAK + "/realms/" + Endpoints.REALM + "/protocol/openid-connect/token");

	private static final User SUPPORT = new User(Endpoints.SUPPORT_USERNAME, Endpoints.SUPPORT_PASSWORD,
			Endpoints.SUPPORT_USERNAME + "@example.com", "Sam Support");

	private static final User SALES = new User(Endpoints.SALES_USERNAME, Endpoints.SALES_PASSWORD,
			Endpoints.SALES_USERNAME + "@example.com", "Sally Sales");

	private Keycloak() {
	}

	public static Reply passwordGrant(String username, String password) {
		return token(Map.of("grant_type", "password", "client_id", Endpoints.CLI_CLIENT_ID, "client_secret",
				Endpoints.CLI_CLIENT_SECRET, "username", username, "password", password));
	}

	/** Any request to the realm's token endpoint, e.g. for another client or grant. */
	public static Reply token(Map<String, String> form) {
		return Http.postForm(TOKEN, form);
	}

	/** The realm's demo support user. */
	public static User support() {
		return SUPPORT;
	}

	/** The realm's demo sales user. */
	public static User sales() {
		return SALES;
	}

	/**
	 * A new customer with a verified e-mail address, e.g. {@code customer("alice", "Alice", "Anderson")}
	 * is {@code alice-<run>} with {@code alice-<run>@example.com}; the next Alice of the run is
	 * {@code alice2-<run>}.
	 */
	public static User customer(String persona, String firstName, String lastName) {
		int nth = PERSONAS.computeIfAbsent(persona, key -> new AtomicInteger()).incrementAndGet();
		String username = persona + (nth == 1 ? "" : Integer.toString(nth)) + "-" + RUN;
		String email = username + "@example.com";
		String password = username + "-e2e-only";
		Map<String, Object> representation = Map.of("username", username, "email", email, "emailVerified", true,
				"enabled", true, "firstName", firstName, "lastName", lastName, "credentials",
				List.of(Map.of("type", "password", "value", password, "temporary", false)));
		Http.send("POST", URI.create(Endpoints.KEYCLOAK + "/admin/realms/" + Endpoints.REALM + "/users"),
				Map.of("Authorization", "Bearer " + adminToken()), representation)
			.expect(201);
		return new User(username, password, email, firstName + " " + lastName);
	}

	private static String adminToken() {
		return Http
			.postForm(URI.create(Endpoints.KEYCLOAK + "/realms/master/protocol/openid-connect/token"),
					Map.of("grant_type", "password", "client_id", "admin-cli", "username",
							Endpoints.keycloakAdminUser(), "password", Endpoints.keycloakAdminPassword()))
			.expect(200)
			.json()
			.path("access_token")
			.asString();
	}

}
