package org.customerportal.account;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real HTTP server standing in for the parts of Keycloak that account-service calls: the token
 * endpoint (client credentials) and the admin API's users. It can be told to fail the next requests,
 * like a Keycloak that is restarting. One per test JVM.
 */
public final class FakeKeycloak {

	public static final String REALM = "portal";

	public static final String CLIENT_ID = "account-service";

	public static final String CLIENT_SECRET = "test-secret";

	private static final JsonMapper JSON = new JsonMapper();

	private static final Pattern USER = Pattern.compile("/admin/realms/" + REALM + "/users/([^/]+)(/logout)?");

	private static volatile FakeKeycloak instance;

	private final HttpServer server;

	private final Map<String, Map<String, Object>> users = new ConcurrentHashMap<>();

	private final List<String> loggedOut = new CopyOnWriteArrayList<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresToCome = new AtomicInteger();

	private final AtomicInteger tokensIssued = new AtomicInteger();

	private volatile String currentToken;

	private FakeKeycloak(HttpServer server) {
		this.server = server;
	}

	public static FakeKeycloak get() {
		if (instance == null) {
			synchronized (FakeKeycloak.class) {
				if (instance == null) {
					instance = start();
				}
			}
		}
		return instance;
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** A user as Keycloak's admin API represents it, enabled. */
	public void addUser(String id, String email) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", id);
		user.put("username", email);
		user.put("email", email);
		user.put("emailVerified", true);
		user.put("enabled", true);
		user.put("attributes", Map.of("locale", List.of("en")));
		users.put(id, user);
	}

	public Map<String, Object> user(String id) {
		return users.get(id);
	}

	public boolean isEnabled(String id) {
		return Boolean.TRUE.equals(users.get(id).get("enabled"));
	}

	public boolean wasLoggedOut(String id) {
		return loggedOut.contains(id);
	}

	/** Answers the next {@code count} requests, whatever they are, with 503. */
	public void failNext(int count) {
		failuresToCome.set(count);
	}

	/** How many requests about this user Keycloak has received, answered or not. */
	public long requestsFor(String userId) {
		return requests.stream().filter(r -> r.contains(userId)).count();
	}

	/** Makes the service account's current token invalid, like a restarted Keycloak with new keys. */
	public void revokeTokens() {
		currentToken = null;
	}

	public int tokensIssued() {
		return tokensIssued.get();
	}

	private static FakeKeycloak start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			FakeKeycloak keycloak = new FakeKeycloak(server);
			server.createContext("/", keycloak::handle);
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
			return keycloak;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			byte[] body = exchange.getRequestBody().readAllBytes();
			requests.add(method + " " + path);
			if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				respond(exchange, 503, "{\"error\":\"Keycloak is starting\"}");
				return;
			}
			if (path.equals("/realms/" + REALM + "/protocol/openid-connect/token") && method.equals("POST")) {
				token(exchange, new String(body, StandardCharsets.UTF_8));
				return;
			}
			Matcher user = USER.matcher(path);
			if (!user.matches()) {
				respond(exchange, 404, "{\"error\":\"Unknown path\"}");
				return;
			}
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			if (currentToken == null || !("Bearer " + currentToken).equals(authorization)) {
				respond(exchange, 401, "{\"error\":\"HTTP 401 Unauthorized\"}");
				return;
			}
			String id = user.group(1);
			Map<String, Object> existing = users.get(id);
			if (existing == null) {
				respond(exchange, 404, "{\"error\":\"User not found\"}");
				return;
			}
			if (user.group(2) != null && method.equals("POST")) {
				loggedOut.add(id);
				respond(exchange, 204, null);
			}
			else if (method.equals("GET")) {
				respond(exchange, 200, JSON.writeValueAsString(existing));
			}
			else if (method.equals("PUT")) {
				users.put(id, JSON.readValue(body, new TypeReference<Map<String, Object>>() {
				}));
				respond(exchange, 204, null);
			}
			else {
				respond(exchange, 405, null);
			}
		}
	}

	private void token(HttpExchange exchange, String form) throws IOException {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : form.split("&")) {
			String[] kv = pair.split("=", 2);
			fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
					kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
		}
		if (!"client_credentials".equals(fields.get("grant_type")) || !CLIENT_ID.equals(fields.get("client_id"))
				|| !CLIENT_SECRET.equals(fields.get("client_secret"))) {
			respond(exchange, 401, "{\"error\":\"unauthorized_client\"}");
			return;
		}
		currentToken = "service-account-token-" + tokensIssued.incrementAndGet();
		respond(exchange, 200, "{\"access_token\":\"" + currentToken
				+ "\",\"expires_in\":300,\"token_type\":\"Bearer\",\"scope\":\"profile email\"}");
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		if (json == null) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
