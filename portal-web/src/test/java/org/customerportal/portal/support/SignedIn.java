package org.customerportal.portal.support;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * A person signed in to the portal, as the sign-in leaves them: authenticated with Keycloak, the access
 * token kept in their session, which the portal relays to the API.
 */
public final class SignedIn {

	private static final String AUTHORIZED_CLIENTS = HttpSessionOAuth2AuthorizedClientRepository.class.getName()
			+ ".AUTHORIZED_CLIENTS";

	private SignedIn() {
	}

	public static RequestPostProcessor as(String accessToken, String... roles) {
		ClientRegistration keycloak = ClientRegistration.withRegistrationId("keycloak")
			.clientId("portal-web-server")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("http://keycloak.test/auth")
			.tokenUri("http://keycloak.test/token")
			.build();
		Instant now = Instant.now();
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now,
				now.plusSeconds(300));
		List<GrantedAuthority> authorities = Arrays.stream(roles)
			.map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
		OidcIdToken idToken = new OidcIdToken("id-token", now, now.plusSeconds(300),
				Map.of("sub", "u-1", "preferred_username", "alice"));
		OAuth2AuthenticationToken signedIn = new OAuth2AuthenticationToken(
				new DefaultOidcUser(authorities, idToken, "preferred_username"), authorities, "keycloak");
		RequestPostProcessor login = authentication(signedIn);
		return request -> {
			Map<String, OAuth2AuthorizedClient> clients = new HashMap<>();
			clients.put("keycloak", new OAuth2AuthorizedClient(keycloak, "alice", token));
			request.getSession(true).setAttribute(AUTHORIZED_CLIENTS, clients);
			return login.postProcessRequest(request);
		};
	}

}
