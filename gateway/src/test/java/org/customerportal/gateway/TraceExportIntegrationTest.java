package org.customerportal.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Traces leave the gateway over OTLP/HTTP when the variable the chart and the compose file set,
 * MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT, names a collector: here a local receiver
 * of /v1/traces, given as an environment variable (relaxed binding as in a pod).
 */
@ContextConfiguration(initializers = TraceExportIntegrationTest.CollectorInEnvironment.class)
class TraceExportIntegrationTest extends GatewayIntegrationTestSupport {

	static final Collector COLLECTOR = Collector.start();

	@AfterAll
	static void stopCollector() {
		COLLECTOR.server.stop(0);
	}

	@Test
	void aRequestsTraceArrivesAtTheCollector() {
		HttpResponse<String> response = get("/api/me", null);
		String traceId = assertProblem(response, 401).get("traceId").asString();
		byte[] traceIdBytes = HexFormat.of().parseHex(traceId);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(COLLECTOR.exports).anySatisfy(export -> {
				// OTLP protobuf: the trace id as 16 raw bytes, the resource's service.name as text
				assertThat(indexOf(export, traceIdBytes)).isNotNegative();
				assertThat(new String(export, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("gateway");
			}));
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** The variable as the pod's environment carries it, so relaxed binding maps it like in Kubernetes. */
	static class CollectorInEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
						"MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", COLLECTOR.url())));
		}

	}

	/** A minimal OTLP/HTTP receiver: keeps every body posted to /v1/traces and answers 200. */
	record Collector(HttpServer server, List<byte[]> exports) {

		static Collector start() {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				List<byte[]> exports = new CopyOnWriteArrayList<>();
				server.createContext("/v1/traces", exchange -> {
					exports.add(exchange.getRequestBody().readAllBytes());
					exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
					exchange.sendResponseHeaders(200, -1);
					exchange.close();
				});
				server.start();
				return new Collector(server, exports);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
		}

	}

}
