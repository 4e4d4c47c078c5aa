package org.customerportal.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for one of the services: it answers what it received (method,
 * path, query, the headers that matter), serves an OpenAPI document at {@code /v3/api-docs}, takes
 * three seconds for any path ending in {@code /slow}, and can be stopped and started again on the
 * same port.
 */
final class StandInService {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String name;

	private final int port;

	private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "stand-in");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile HttpServer server;

	private StandInService(String name, int port) {
		this.name = name;
		this.port = port;
	}

	static StandInService start(String name) {
		StandInService service = new StandInService(name, freePort());
		service.start();
		return service;
	}

	String url() {
		return "http://127.0.0.1:" + port;
	}

	synchronized void start() {
		try {
			HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
			created.createContext("/", this::handle);
			created.setExecutor(executor);
			created.start();
			server = created;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	synchronized void stop() {
		server.stop(0);
	}

	/** The requests this service received for a path. */
	List<Received> receivedFor(String path) {
		return received.stream().filter(request -> request.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		String path = exchange.getRequestURI().getPath();
		Headers headers = exchange.getRequestHeaders();
		Received request = new Received(name, exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
				headers.getFirst("Authorization"), headers.getFirst("traceparent"), headers.getFirst("X-Forwarded-For"),
				body.length);
		received.add(request);
		if (path.endsWith("/slow")) {
			try {
				Thread.sleep(3000); // the slow service the gateway must not wait for
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		byte[] answer;
		if (path.equals("/v3/api-docs")) {
			// as a service writes it: free of the problems OpenApiDocuments reports, so the gateway's changes are checked
			answer = JSON.writeValueAsBytes(Map.of("openapi", "3.1.0",
					"info", Map.of("title", name, "version", "1", "description", "A stand-in.", "contact",
							Map.of("name", "Maintainers"), "license", Map.of("name", "Apache-2.0", "url",
									"https://www.apache.org/licenses/LICENSE-2.0")),
					"servers", List.of(Map.of("url", "http://" + name + ":8080")),
					"tags", List.of(Map.of("name", "Things", "description", "What the stand-in has.")),
					"paths", Map.of("/api/things", Map.of("get", Map.of("tags", List.of("Things"), "summary", "Things",
							"description", "Every thing.", "operationId", "things", "responses",
							Map.of("200", Map.of("description", "OK")))))));
		}
		else {
			answer = JSON.writeValueAsBytes(request);
		}
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		try {
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
		catch (IOException ex) {
			// the gateway gave up on a slow answer and closed the connection
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What a service received, as it echoes it back. */
	record Received(String service, String method, String path, String query, String authorization,
			String traceparent, String forwardedFor, int bodyBytes) {

		String body() {
			return new String(JSON.writeValueAsBytes(this), StandardCharsets.UTF_8);
		}

	}

}
