package org.customerportal.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.customerportal.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a random port in front of four real HTTP servers standing in for the services,
 * with Keycloak-shaped tokens signed by a key on a local JWKS endpoint. One Spring context for all
 * test classes: they share this configuration and change nothing in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"NOTIFICATION_SERVICE_TIMEOUT_MS=1000", "GATEWAY_CIRCUIT_OPEN_DURATION=2s",
		"resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
		"resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
		"RATE_LIMIT_USER_CAPACITY=10", "RATE_LIMIT_USER_PER_SECOND=1", "RATE_LIMIT_CLIENT_CAPACITY=30",
		"RATE_LIMIT_CLIENT_PER_SECOND=1", "RATE_LIMIT_LICENSE_KEY_CAPACITY=5",
		"RATE_LIMIT_LICENSE_KEY_PER_SECOND=0.2", "GATEWAY_TRUSTED_PROXIES=127.0.0.1, ::1",
		"CORS_ALLOWED_ORIGINS=http://localhost:3000, https://portal.example.com" })
abstract class GatewayIntegrationTestSupport {

	static final StandInService ACCOUNT = StandInService.start("account-service");

	static final StandInService ORDER = StandInService.start("order-service");

	static final StandInService LICENSE = StandInService.start("license-service");

	static final StandInService NOTIFICATION = StandInService.start("notification-service");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("ACCOUNT_SERVICE_URL", ACCOUNT::url);
		registry.add("ORDER_SERVICE_URL", ORDER::url);
		registry.add("LICENSE_SERVICE_URL", LICENSE::url);
		registry.add("NOTIFICATION_SERVICE_URL", NOTIFICATION::url);
		registry.add("KEYCLOAK_ISSUER_URI", () -> TestTokens.get().issuer());
		registry.add("KEYCLOAK_JWK_SET_URI", () -> TestTokens.get().jwkSetUri());
	}

	/** A valid token of a customer of their own, so that no two tests share a rate budget. */
	static String freshToken() {
		String subject = UUID.randomUUID().toString();
		return TestTokens.get().customer(subject, subject + "@example.com");
	}

	HttpRequest.Builder request(String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
			.timeout(Duration.ofSeconds(10));
	}

	HttpResponse<String> get(String pathAndQuery, String token) {
		HttpRequest.Builder builder = request(pathAndQuery).GET();
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return send(builder.build());
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/** Asserts an RFC 9457 problem document with the trace id of the response. */
	static JsonNode assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json(response);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("traceId").asString()).isEqualTo(response.headers().firstValue("X-Trace-Id").orElseThrow());
		return problem;
	}

}
