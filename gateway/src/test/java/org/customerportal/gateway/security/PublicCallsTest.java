package org.customerportal.gateway.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class PublicCallsTest {

	private final PublicCalls publicCalls = new PublicCalls()
		.allow(HttpMethod.POST, "/api/licenses/validate", "/api/unsubscribe", "/api/payments/webhooks/{provider}")
		.allow(HttpMethod.GET, "/api/unsubscribe", "/actuator/health/**");

	@ParameterizedTest
	@CsvSource({ "POST, /api/licenses/validate, true", "GET, /api/licenses/validate, false",
			"POST, /api/licenses/validate/, false", "POST, /api/licenses/validate/more, false",
			"GET, /api/unsubscribe?token=abc, true", "POST, /api/unsubscribe, true", "PUT, /api/unsubscribe, false",
			"GET, /actuator/health, true", "GET, /actuator/health/readiness, true", "GET, /actuator/env, false",
			"GET, /api/licenses/42, false", "POST, /API/LICENSES/VALIDATE, false",
			"POST, /api/payments/webhooks/stripe, true", "GET, /api/payments/webhooks/stripe, false",
			"POST, /api/payments/webhooks, false", "POST, /api/payments/webhooks/stripe/more, false" })
	void matchesByMethodAndPath(String method, String uri, boolean matches) {
		var exchange = MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.valueOf(method), uri));

		assertThat(publicCalls.matches(exchange)).isEqualTo(matches);
	}

}
