package org.customerportal.platform;

import java.time.Instant;

import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.test.PortalIntegrationTest;
import org.customerportal.platform.test.TestTokens;
import org.customerportal.platform.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest(classes = TestApplication.class)
class SecurityIntegrationTest {

	@Autowired
	MockMvc mvc;

	TestTokens tokens = TestTokens.get();

	@Test
	void noTokenIsRefusedWithAProblem() throws Exception {
		expectUnauthorized(mvc.perform(get("/api/me")));
	}

	@Test
	void expiredTokenIsRefused() throws Exception {
		String expired = tokens.token().expiresAt(Instant.now().minusSeconds(300)).sign();
		expectUnauthorized(mvc.perform(get("/api/me").header("Authorization", "Bearer " + expired)));
	}

	@Test
	void tokenFromAnotherIssuerIsRefused() throws Exception {
		String foreign = tokens.token().issuer("http://evil.example/realms/portal").sign();
		expectUnauthorized(mvc.perform(get("/api/me").header("Authorization", "Bearer " + foreign)));
	}

	@Test
	void tokenWithABadSignatureIsRefused() throws Exception {
		String forged = tokens.token().signedWithUnknownKey().sign();
		expectUnauthorized(mvc.perform(get("/api/me").header("Authorization", "Bearer " + forged)));
	}

	@Test
	void garbageTokenIsRefused() throws Exception {
		expectUnauthorized(mvc.perform(get("/api/me").header("Authorization", "Bearer not-a-jwt")));
	}

	@Test
	void anIdTokenIsRefused() throws Exception {
		String idToken = tokens.token().idToken().sign();
		expectUnauthorized(mvc.perform(get("/api/me").header("Authorization", "Bearer " + idToken)));
	}

	@Test
	void anAccessTokenTypedAsAnIdTokenIsRefusedEvenWithTheAudience() throws Exception {
		String idTyped = tokens.token().idToken().audience(TestTokens.AUDIENCE).sign();
		expectUnauthorized(mvc.perform(get("/api/me").header("Authorization", "Bearer " + idTyped)));
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() throws Exception {
		String otherClients = tokens.token().audience("realm-management", "account").sign();
		expectUnauthorized(mvc.perform(get("/api/me").header("Authorization", "Bearer " + otherClients)));
		String noAudience = tokens.token().audience().sign();
		expectUnauthorized(mvc.perform(get("/api/me").header("Authorization", "Bearer " + noAudience)));
	}

	@Test
	void aTokenWithoutASubjectIsRefused() throws Exception {
		String adminCliLike = tokens.token().withoutSubject().sign();
		expectUnauthorized(mvc.perform(get("/api/me").header("Authorization", "Bearer " + adminCliLike)));
	}

	@Test
	void anUnverifiedEmailIsNotTheCallersAddress() throws Exception {
		String unverified = tokens.token().subject("user-3").email("ceo@bigcorp.example").emailVerified(false).sign();
		mvc.perform(get("/api/me").header("Authorization", "Bearer " + unverified))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("user-3"))
			.andExpect(jsonPath("$.email").isEmpty())
			.andExpect(jsonPath("$.emailVerified").value(false));
		mvc.perform(get("/api/me/address").header("Authorization", "Bearer " + unverified))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(CurrentUser.EMAIL_NOT_VERIFIED));

		String verified = tokens.token().email("ceo@bigcorp.example").sign();
		mvc.perform(get("/api/me/address").header("Authorization", "Bearer " + verified))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("ceo@bigcorp.example"));
	}

	@Test
	void validTokenDescribesTheCallerWithRealmRoles() throws Exception {
		String token = tokens.token()
			.subject("user-1")
			.email("alice@example.com")
			.name("Alice")
			.roles("customer", "support")
			.sign();
		mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("user-1"))
			.andExpect(jsonPath("$.email").value("alice@example.com"))
			.andExpect(jsonPath("$.emailVerified").value(true))
			.andExpect(jsonPath("$.name").value("Alice"))
			.andExpect(jsonPath("$.roles", containsInAnyOrder("customer", "support")));
	}

	@Test
	void realmRolesBecomeAuthorities() throws Exception {
		mvc.perform(get("/api/support-only").header("Authorization",
				"Bearer " + tokens.support("staff-1", "staff@vendor.example")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.secret").value("for support"));

		mvc.perform(get("/api/support-only").header("Authorization",
				"Bearer " + tokens.customer("user-2", "bob@example.com")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.detail").value("You are not allowed to do this."));
	}

	@Test
	void declaredPublicPathsAndProbesNeedNoToken() throws Exception {
		mvc.perform(get("/api/public/ping")).andExpect(status().isOk()).andExpect(jsonPath("$.pong").value("yes"));
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
	}

	private void expectUnauthorized(ResultActions result) throws Exception {
		result.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.title").value("Unauthorized"))
			.andExpect(jsonPath("$.detail").value("A valid access token is required. Sign in again and retry."))
			.andExpect(jsonPath("$.traceId", notNullValue()));
	}

}
