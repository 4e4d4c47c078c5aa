package org.customerportal.platform.security;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokensTest {

	private final OAuth2TokenValidator<Jwt> validator = AccessTokens.validator("portal-api");

	@Test
	void anAccessTokenForTheApiAboutAPersonPasses() {
		assertThat(validator.validate(token("Bearer", List.of("portal-api", "account"), "user-1")).hasErrors())
			.isFalse();
	}

	@Test
	void anIdTokenFails() {
		assertThat(validator.validate(token("ID", List.of("portal-api"), "user-1")).hasErrors()).isTrue();
	}

	@Test
	void aTokenWithoutTheTypeClaimFails() {
		assertThat(validator.validate(token(null, List.of("portal-api"), "user-1")).hasErrors()).isTrue();
	}

	@Test
	void aTokenForAnotherAudienceFails() {
		assertThat(validator.validate(token("Bearer", List.of("realm-management"), "user-1")).hasErrors()).isTrue();
		assertThat(validator.validate(token("Bearer", null, "user-1")).hasErrors()).isTrue();
	}

	@Test
	void aTokenWithoutASubjectFails() {
		assertThat(validator.validate(token("Bearer", List.of("portal-api"), null)).hasErrors()).isTrue();
		assertThat(validator.validate(token("Bearer", List.of("portal-api"), " ")).hasErrors()).isTrue();
	}

	@Test
	void theAudienceIsConfigurable() {
		OAuth2TokenValidator<Jwt> staging = AccessTokens.validator("portal-api-staging");
		assertThat(staging.validate(token("Bearer", List.of("portal-api-staging"), "user-1")).hasErrors()).isFalse();
		assertThat(staging.validate(token("Bearer", List.of("portal-api"), "user-1")).hasErrors()).isTrue();
	}

	private static Jwt token(String type, List<String> audience, String subject) {
		Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now()).claim("iss", "x");
		if (type != null) {
			jwt.claim("typ", type);
		}
		if (audience != null) {
			jwt.audience(audience);
		}
		if (subject != null) {
			jwt.subject(subject);
		}
		return jwt.build();
	}

}
