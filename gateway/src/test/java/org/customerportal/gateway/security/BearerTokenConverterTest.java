package org.customerportal.gateway.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenConverterTest {

	private static final String JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSJ9.c2ln-bmF0_dXJl";

	@ParameterizedTest
	@ValueSource(strings = { "Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "Bearer abc==", "Bearer a~b+c/d",
			"Bearer", "Bearer ", "Bearer  " + JWT, "Bearer " + JWT + " ", "Bearer a=b", "Bearer ===",
			"Bearer " + JWT + "\u00e9", "BearerX " + JWT, "Basic YWxpY2U6c2VjcmV0", "Token " + JWT, "", "NoScheme",
			"Bearer\t" + JWT, "Bearer a,b" })
	void readsTheHeaderLikeSpringSecuritysConverter(String authorization) {
		ServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/licenses").header(HttpHeaders.AUTHORIZATION, authorization));

		assertThat(outcome(new BearerTokenConverter(), exchange))
			.isEqualTo(outcome(new ServerBearerTokenAuthenticationConverter(), exchange));
	}

	@Test
	void decidesEveryCharacterInTheTokenLikeSpringSecuritysConverter() {
		for (char c = 0; c < 0x400; c++) {
			for (String authorization : new String[] { "Bearer a" + c + "b", "Bearer " + c, "Bearer ab=" + c }) {
				ServerWebExchange exchange = MockServerWebExchange
					.from(MockServerHttpRequest.get("/api/licenses").header(HttpHeaders.AUTHORIZATION, authorization));

				assertThat(outcome(new BearerTokenConverter(), exchange)).as("U+%04X in %s", (int) c, authorization)
					.isEqualTo(outcome(new ServerBearerTokenAuthenticationConverter(), exchange));
			}
		}
	}

	@Test
	void aRequestWithoutTheHeaderHasNoToken() {
		ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/licenses"));

		assertThat(outcome(new BearerTokenConverter(), exchange)).isEqualTo("none");
	}

	/** "token:<value>", "none" or "refused:<OAuth2 error code>: <description>". */
	private static String outcome(ServerAuthenticationConverter converter, ServerWebExchange exchange) {
		try {
			Authentication authentication = converter.convert(exchange).block();
			return authentication == null ? "none"
					: "token:" + ((BearerTokenAuthenticationToken) authentication).getToken();
		}
		catch (OAuth2AuthenticationException ex) {
			return "refused:" + ex.getError().getErrorCode() + ": " + ex.getError().getDescription();
		}
	}

}
