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
		"portal.gateway.routes.notification-service-timeout=1000", "portal.gateway.unavailable-retry-after=2s",
		"resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
		"resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
		"portal.gateway.rate-limit.authenticated.capacity=10",
		"portal.gateway.rate-limit.authenticated.refill-per-second=1",
		"portal.gateway.rate-limit.anonymous.capacity=30", "portal.gateway.rate-limit.anonymous.refill-per-second=1",
		"portal.gateway.rate-limit.license-key.capacity=5", "portal.gateway.rate-limit.license-key.refill-per-second=0.2",
		"portal.gateway.rate-limit.trusted-proxies=127.0.0.1, ::1",
		"portal.gateway.cors.allowed-origins=http://localhost:3000, https://portal.example.com" })
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
		registry.add("portal.gateway.routes.account-service-url", ACCOUNT::url);
		registry.add("portal.gateway.routes.order-service-url", ORDER::url);
		registry.add("portal.gateway.routes.license-service-url", LICENSE::url);
		registry.add("portal.gateway.routes.notification-service-url", NOTIFICATION::url);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.get().issuer());
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestTokens.get().jwkSetUri());
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
