package org.customerportal.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.customerportal.platform.test.Actuator;
import org.customerportal.platform.test.OpenApiDocuments;
import org.customerportal.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingAndSecurityIntegrationTest extends GatewayIntegrationTestSupport {

	@ParameterizedTest
	@CsvSource({ "/api/me, account-service", "/api/organizations/o-1/users, account-service",
			"/api/invitations/i-1, account-service", "/api/users/u-1, account-service",
			"/api/products, order-service", "/api/quotes/q-1, order-service", "/api/orders?page=0&size=20, order-service",
			"/api/renewals, order-service", "/api/quota-orders, order-service", "/api/upgrade-orders, order-service", "/api/sales-quotes, order-service",
			"/api/price-lists/EUR, order-service", "/api/catalogue-changes, order-service",
			"/api/billing-currencies/o-1, order-service",
			"/api/licenses/upcoming-renewals?withinDays=90, license-service", "/api/trials/t-1, license-service",
			"/api/notifications/preferences, notification-service" })
	void routesEachPathToItsServiceAndForwardsTheToken(String pathAndQuery, String service) {
		String token = freshToken();

		HttpResponse<String> response = get(pathAndQuery, token);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode received = json(response);
		assertThat(received.get("service").asString()).isEqualTo(service);
		assertThat(received.get("path").asString() + query(received)).isEqualTo(pathAndQuery);
		assertThat(received.get("authorization").asString()).isEqualTo("Bearer " + token);
	}

	@Test
	void theTraceContinuesIntoTheServiceAndItsIdIsOnTheResponse() {
		HttpResponse<String> response = get("/api/licenses/traced", freshToken());

		String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();
		assertThat(traceId).matches("[0-9a-f]{32}");
		// W3C traceparent: version-traceid-spanid-flags
		assertThat(json(response).get("traceparent").asString()).startsWith("00-" + traceId + "-");
	}

	@Test
	void aCallersTraceContinuesThroughTheGatewayIntoTheService() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String callersSpan = "00f067aa0ba902b7";
		HttpResponse<String> response = send(request("/api/licenses/traced-by-caller")
			.header("Authorization", "Bearer " + freshToken())
			.header("traceparent", "00-" + traceId + "-" + callersSpan + "-01")
			.build());

		assertThat(response.headers().firstValue("X-Trace-Id")).hasValue(traceId);
		String received = json(response).get("traceparent").asString();
		assertThat(received).startsWith("00-" + traceId + "-").doesNotContain(callersSpan); // the gateway's span
	}

	@Test
	void withoutATokenAnswers401AndTheServiceIsNotCalled() {
		HttpResponse<String> response = get("/api/orders/never-reached", null);

		JsonNode problem = assertProblem(response, 401);
		assertThat(problem.get("detail").asString()).isEqualTo("A valid access token is required. Sign in again and retry.");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/orders/never-reached");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(ORDER.receivedFor("/api/orders/never-reached")).isEmpty();
	}

	static Stream<Arguments> invalidTokens() {
		TestTokens tokens = TestTokens.get();
		return Stream.of(Arguments.of("expired", tokens.token().expiresAt(Instant.now().minusSeconds(600)).sign()),
				Arguments.of("another issuer", tokens.token().issuer("https://elsewhere.example/realms/portal").sign()),
				Arguments.of("signed with an unknown key", tokens.token().signedWithUnknownKey().sign()),
				Arguments.of("not a token", "not-a-token"),
				Arguments.of("an ID token", tokens.token().idToken().sign()),
				Arguments.of("an ID token for the API's audience",
						tokens.token().idToken().audience(TestTokens.AUDIENCE).sign()),
				Arguments.of("another client's audience", tokens.token().audience("realm-management", "account").sign()),
				Arguments.of("no audience", tokens.token().audience().sign()),
				Arguments.of("no subject (admin-cli)", tokens.token().withoutSubject().sign()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidTokens")
	void anInvalidTokenAnswers401(String why, String token) {
		String path = "/api/licenses/" + UUID.randomUUID();

		HttpResponse<String> response = get(path, token);

		assertProblem(response, 401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		assertThat(LICENSE.receivedFor(path)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "POST, /api/licenses/validate, license-service", "GET, /api/licenses/public-key, license-service",
			"GET, /api/unsubscribe?token=signed-token, notification-service",
			"POST, /api/unsubscribe?token=signed-token, notification-service",
			"POST, /api/payments/webhooks/stripe, order-service", "GET, /api/payments/simulated/p-1, order-service",
			"POST, /api/payments/simulated/p-1, order-service",
			"GET, /asyncapi/account-events.yaml, account-service", "GET, /asyncapi/order-events.yaml, order-service",
			"GET, /asyncapi/catalog-events.yaml, order-service", "GET, /asyncapi/license-events.yaml, license-service" })
	void publicCallsPassWithoutAToken(String method, String pathAndQuery, String service) {
		HttpRequest request = request(pathAndQuery)
			.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
					: HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json")
			.build();

		HttpResponse<String> response = send(request);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode received = json(response);
		assertThat(received.get("service").asString()).isEqualTo(service);
		assertThat(received.get("method").asString()).isEqualTo(method);
		assertThat(received.get("authorization").isNull()).isTrue();
	}

	@Test
	void onlyTheContractsMethodIsPublicOnAPublicPath() {
		assertProblem(get("/api/licenses/validate", null), 401);
		assertProblem(send(request("/api/licenses/public-key").POST(HttpRequest.BodyPublishers.noBody()).build()), 401);
		assertProblem(get("/api/payments/webhooks/stripe", null), 401);
		assertProblem(get("/api/payments/anything-else", null), 401);
		assertProblem(send(request("/asyncapi/order-events.yaml").POST(HttpRequest.BodyPublishers.noBody()).build()), 401);
	}

	@Test
	void healthProbesAndMetricsAnswerOnTheManagementPortWithoutAToken() {
		HttpResponse<String> liveness = Actuator.get(managementPort, "/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(json(liveness).get("status").asString()).isEqualTo("UP");
		assertThat(Actuator.get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);

		assertThat(get("/api/products", freshToken()).statusCode()).isEqualTo(200);
		HttpResponse<String> metrics = Actuator.get(managementPort, "/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		// per route and per circuit breaker, for dashboards and alerts
		assertThat(metrics.body()).containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"order\"")
			.contains("resilience4j_circuitbreaker_state{", "name=\"order\"");
	}

	@Test
	void theApiPortServesNoActuatorEndpoint() {
		for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/health/readiness",
				"/actuator/info", "/actuator/env")) {
			HttpResponse<String> response = get(path, null);
			assertThat(response.statusCode()).as(path).isIn(401, 404);
			assertThat(response.body()).as(path).doesNotContain("jvm_", "\"UP\"");
		}
		assertThat(get("/actuator/prometheus", freshToken()).statusCode()).isEqualTo(404);
	}

	@Test
	void anUnknownPathAnswers404() {
		HttpResponse<String> response = get("/api/nothing-here", freshToken());

		assertThat(assertProblem(response, 404).get("detail").asString()).isEqualTo("There is no such resource.");
	}

	@Test
	void everyResponseCarriesSecurityHeaders() {
		for (HttpResponse<String> response : new HttpResponse[] { get("/api/me", freshToken()), get("/api/me", null) }) {
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
			assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
			assertThat(response.headers().firstValue("X-Trace-Id")).isPresent();
		}
	}

	@Test
	void oneSwaggerUiShowsEveryServicesApiThroughTheGateway() {
		HttpResponse<String> ui = get("/swagger-ui.html", null);
		assertThat(ui.statusCode()).isEqualTo(302);
		String page = ui.headers().firstValue("Location").orElseThrow();
		assertThat(get(page, null).body()).contains("swagger-ui");

		JsonNode config = json(get("/v3/api-docs/swagger-config", null));
		assertThat(config.get("urls").valueStream().map(url -> url.get("url").asString()))
			.containsExactlyInAnyOrder("/v3/api-docs/account", "/v3/api-docs/order", "/v3/api-docs/license",
					"/v3/api-docs/notification");

		HttpResponse<String> licenseDocument = get("/v3/api-docs/license", null);
		assertThat(OpenApiDocuments.violations(licenseDocument.body())).as("what the gateway changes keeps it fit")
			.isEmpty();
		JsonNode licenseApi = json(licenseDocument);
		assertThat(licenseApi.get("info").get("title").asString()).isEqualTo("license-service");
		// "Try it out" goes through the gateway, and "Authorize" signs in with Keycloak
		assertThat(licenseApi.get("servers").get(0).get("url").asString()).isEqualTo("/");
		assertThat(licenseApi.get("components").get("securitySchemes").get("keycloak").get("flows")
			.get("authorizationCode").get("authorizationUrl").asString())
			.isEqualTo(TestTokens.get().issuer() + "/protocol/openid-connect/auth");
	}

	private static String query(JsonNode received) {
		JsonNode query = received.get("query");
		return query == null || query.isNull() ? "" : "?" + query.asString();
	}

}
