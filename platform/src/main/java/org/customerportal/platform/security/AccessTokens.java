package org.customerportal.platform.security;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;

/**
 * What a token of the realm must be, besides signed, issued by the realm and unexpired, to be
 * accepted: an access token (Keycloak's {@code typ} claim {@code Bearer}; ID tokens say {@code ID}),
 * meant for the portal's API (the audience) and about a person (a subject). A token of any other
 * client of the realm, an ID token, or a client's token without a subject is refused with the usual
 * 401 problem.
 */
final class AccessTokens {

	private AccessTokens() {
	}

	static OAuth2TokenValidator<Jwt> validator(String audience) {
		return new DelegatingOAuth2TokenValidator<>(new JwtClaimValidator<String>("typ", "Bearer"::equals),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
				new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
	}

}
