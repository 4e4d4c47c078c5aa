package org.customerportal.e2e.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A person signed in through Keycloak (password grant of the realm's test client) who calls the portal
 * through the gateway. The access token is fetched on first use and again shortly before it expires.
 */
public final class User {

	private final String username;

	private final String password;

	private final String email;

	private final String name;

	private String token;

	private Instant tokenRenewAt = Instant.MIN;

	User(String username, String password, String email, String name) {
		this.username = username;
		this.password = password;
		this.email = email;
		this.name = name;
	}

	public String username() {
		return username;
	}

	public String password() {
		return password;
	}

	public String email() {
		return email;
	}

	public String name() {
		return name;
	}

	/** The portal's id of this person: the token's subject. */
	public String id() {
		String payload = token().split("\\.")[1];
		JsonNode claims = Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
		return claims.path("sub").asString();
	}

	public synchronized String token() {
		if (token == null || Instant.now().isAfter(tokenRenewAt)) {
			JsonNode answer = Keycloak.passwordGrant(username, password).expect(200).json();
			token = answer.path("access_token").asString();
			tokenRenewAt = Instant.now().plusSeconds(Math.max(10, answer.path("expires_in").asLong(60) - 60));
		}
		return token;
	}

	public Reply get(String path) {
		return call("GET", path, null);
	}

	public Reply post(String path, Object body) {
		return call("POST", path, body);
	}

	public Reply put(String path, Object body) {
		return call("PUT", path, body);
	}

	public Reply delete(String path) {
		return call("DELETE", path, null);
	}

	public Reply call(String method, String path, Object body) {
		return call(method, path, Map.of(), body);
	}

	/** A call with headers of its own besides the token, e.g. {@code If-Match}. */
	public Reply call(String method, String path, Map<String, String> headers, Object body) {
		Map<String, String> all = new java.util.HashMap<>(headers);
		all.put("Authorization", "Bearer " + token());
		return Http.send(method, URI.create(Endpoints.GATEWAY + path), all, body);
	}

	@Override
	public String toString() {
		return username + " <" + email + ">";
	}

}
