package org.customerportal.e2e.journeys;

import java.net.URI;
import java.util.Map;

import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Endpoints;
import org.customerportal.e2e.support.Http;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.Reply;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only access tokens meant for the portal's API open it: real tokens of the local Keycloak that are
 * valid, signed and unexpired but of the wrong kind — an ID token, an access token of the realm's
 * {@code admin-cli} client (no subject; it once made account-service answer 500), a token of a
 * client without the {@code portal-api} audience — are answered 401, by the gateway and by a
 * service called past it, while the person's ordinary access token works at both.
 */
@EndToEndTest
@Order(0)
class TokenKindsJourneyTest {

	private static final String REFUSED = "A valid access token is required. Sign in again and retry.";

	private final User ivy = Keycloak.customer("ivy", "Ivy", "Ingram");

	@ParameterizedTest(name = "at {0}")
	@ValueSource(strings = { "gateway", "account-service" })
	void onlyTheApisAccessTokensOpenIt(String where) {
		URI me = URI.create((where.equals("gateway") ? Endpoints.GATEWAY : Endpoints.ACCOUNT_SERVICE) + "/api/me");

		Reply signedIn = Keycloak
			.token(Map.of("grant_type", "password", "client_id", Endpoints.CLI_CLIENT_ID, "client_secret",
					Endpoints.CLI_CLIENT_SECRET, "username", ivy.username(), "password", ivy.password(), "scope",
					"openid"))
			.expect(200);
		String accessToken = signedIn.text("access_token");
		String idToken = signedIn.text("id_token");
		assertThat(idToken).as("Keycloak issued an ID token").isNotBlank();
		String adminCli = Keycloak
			.token(Map.of("grant_type", "password", "client_id", "admin-cli", "username", ivy.username(), "password",
					ivy.password()))
			.expect(200)
			.text("access_token");
		String otherClient = Keycloak
			.token(Map.of("grant_type", "client_credentials", "client_id", Endpoints.ACCOUNT_SERVICE_CLIENT_ID,
					"client_secret", Endpoints.ACCOUNT_SERVICE_CLIENT_SECRET))
			.expect(200)
			.text("access_token");

		Reply ok = call(me, accessToken).expect(200);
		assertThat(ok.text("email")).isEqualTo(ivy.email());

		for (Map.Entry<String, String> wrong : Map.of("an ID token", idToken, "an admin-cli access token", adminCli,
				"a token of a client without the portal-api audience", otherClient).entrySet()) {
			Reply refused = call(me, wrong.getValue());
			assertThat(refused.status()).as("%s at %s: %s", wrong.getKey(), where, refused).isEqualTo(401);
			assertThat(refused.header("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(refused.text("detail")).isEqualTo(REFUSED);
			assertThat(refused.header("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		}
	}

	private static Reply call(URI uri, String token) {
		return Http.send("GET", uri, Map.of("Authorization", "Bearer " + token), null);
	}

}
