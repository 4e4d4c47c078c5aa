package org.customerportal.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real HTTP server standing in for account-service's {@code GET /api/me}, for the services
 * that ask it about a membership their read model does not know yet. It answers for the token's
 * subject what a test told it (like account-service, a person it was told nothing about belongs to no
 * organisation), and can be made to fail or hang. One per test JVM; point
 * {@code portal.account-service.url} at {@link #url()}. As a JUnit extension
 * ({@code @RegisterExtension final FakeAccountService accountService = FakeAccountService.get();}) it
 * starts and ends each test forgetting what other tests told it.
 */
public final class FakeAccountService implements BeforeEachCallback, AfterEachCallback {

	/** How it answers. */
	public enum Mode {
		ANSWERS, FAILS, HANGS
	}

	private static final JsonMapper JSON = new JsonMapper();

	private static volatile FakeAccountService instance;

	private final HttpServer server;

	private final Map<String, Map<String, Object>> people = new ConcurrentHashMap<>();

	private final List<String> tokens = new CopyOnWriteArrayList<>();

	private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.ANSWERS);

	private volatile CountDownLatch hanging = new CountDownLatch(1);

	private FakeAccountService(HttpServer server) {
		this.server = server;
	}

	public static FakeAccountService get() {
		if (instance == null) {
			synchronized (FakeAccountService.class) {
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

	/** From now on {@code GET /api/me} with this person's token names this organisation. */
	public void member(String userId, String email, UUID organizationId) {
		Map<String, Object> me = new LinkedHashMap<>();
		me.put("id", userId);
		me.put("email", email);
		me.put("name", "Person " + userId.substring(0, Math.min(4, userId.length())));
		me.put("organizationId", organizationId != null ? organizationId.toString() : null);
		me.put("primaryContact", false);
		me.put("roles", List.of("customer"));
		people.put(userId, me);
	}

	public void answer(Mode mode) {
		if (mode != Mode.HANGS) {
			hanging.countDown();
			hanging = new CountDownLatch(1);
		}
		this.mode.set(mode);
	}

	/** The access tokens it was asked with, in order. */
	public List<String> tokensSeen() {
		return List.copyOf(tokens);
	}

	/** Forgets what it was told and answers again; hanging requests end. */
	public void reset() {
		answer(Mode.ANSWERS);
		people.clear();
		tokens.clear();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		reset();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		reset();
	}

	private static FakeAccountService start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newCachedThreadPool(task -> {
				Thread thread = new Thread(task, "fake-account-service");
				thread.setDaemon(true);
				return thread;
			}));
			FakeAccountService fake = new FakeAccountService(server);
			server.createContext("/api/me", fake::me);
			server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void me(HttpExchange exchange) throws IOException {
		try (exchange) {
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			if (authorization == null || !authorization.startsWith("Bearer ")) {
				respond(exchange, 401, Map.of("status", 401, "title", "Unauthorized"));
				return;
			}
			String token = authorization.substring("Bearer ".length());
			tokens.add(token);
			switch (mode.get()) {
				case FAILS -> respond(exchange, 503, Map.of("status", 503, "title", "Service Unavailable"));
				case HANGS -> {
					hang();
					respond(exchange, 503, Map.of("status", 503, "title", "Service Unavailable"));
				}
				case ANSWERS -> {
					String subject = subject(token);
					Map<String, Object> me = people.get(subject);
					if (me == null) {
						me = new LinkedHashMap<>();
						me.put("id", subject);
						me.put("organizationId", null);
						me.put("primaryContact", false);
						me.put("roles", List.of("customer"));
					}
					respond(exchange, 200, me);
				}
			}
		}
	}

	private void hang() {
		try {
			hanging.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The token's subject, read without checking the signature (the service under test checked it). */
	private static String subject(String token) {
		String[] parts = token.split("\\.");
		byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
		return JSON.readTree(payload).path("sub").asString();
	}

	private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
