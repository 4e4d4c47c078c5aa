package org.customerportal.account.removal;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The few calls of the Keycloak admin REST API that account-service needs, made with the access token
 * of its service account (client credentials grant). Spring Security's OAuth2 client gets, caches and
 * renews the token; one the admin API refuses (401) is dropped and replaced on the next call. Keycloak
 * users are addressed by id, which is the subject of their access tokens.
 */
@Component
class KeycloakAdmin {

	static final String REGISTRATION = "keycloak-admin";

	private static final ParameterizedTypeReference<Map<String, Object>> REPRESENTATION = //
			new ParameterizedTypeReference<>() {
			};

	private final RestClient http;

	private final String realm;

	KeycloakAdmin(KeycloakProperties properties, ObservationRegistry observations) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.timeout());
		ClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration(properties));
		OAuth2AuthorizedClientService tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
		OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(
				tokenManager(registrations, tokens, requests, observations));
		bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
		bearer.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
		this.http = RestClient.builder()
			.baseUrl(properties.adminUrl().toString())
			.requestFactory(requests)
			.requestInterceptor(bearer)
			.observationRegistry(observations)
			.build();
		this.realm = properties.realm();
	}

	/**
	 * Disables the user, so they can no longer sign in, and ends their sessions. Repeating it is harmless.
	 * @return false if Keycloak does not know the user (nothing to disable)
	 * @throws org.springframework.web.client.RestClientException if Keycloak cannot be reached or refuses
	 * @throws org.springframework.security.oauth2.client.ClientAuthorizationException if no token is had
	 */
	boolean disable(String userId) {
		Map<String, Object> user;
		try {
			user = http.get().uri("/admin/realms/{realm}/users/{id}", realm, userId).retrieve().body(REPRESENTATION);
		}
		catch (HttpClientErrorException.NotFound ex) {
			return false;
		}
		// The whole representation goes back, so that nothing else about the user changes.
		user.put("enabled", false);
		http.put()
			.uri("/admin/realms/{realm}/users/{id}", realm, userId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(user)
			.retrieve()
			.toBodilessEntity();
		http.post().uri("/admin/realms/{realm}/users/{id}/logout", realm, userId).retrieve().toBodilessEntity();
		return true;
	}

	static ClientRegistration registration(KeycloakProperties properties) {
		String realmUrl = properties.adminUrl().toString().replaceAll("/+$", "") + "/realms/" + properties.realm();
		return ClientRegistration.withRegistrationId(REGISTRATION)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.tokenUri(realmUrl + "/protocol/openid-connect/token")
			.build();
	}

	/** No request to take a principal from: the service account's token lives in the client service. */
	private static AuthorizedClientServiceOAuth2AuthorizedClientManager tokenManager(
			ClientRegistrationRepository registrations, OAuth2AuthorizedClientService tokens, JdkClientHttpRequestFactory requests,
			ObservationRegistry observations) {
		// the token request with the same timeouts as the admin calls
		RestClientClientCredentialsTokenResponseClient tokenClient = new RestClientClientCredentialsTokenResponseClient();
		tokenClient.setRestClient(RestClient.builder()
			.requestFactory(requests)
			.observationRegistry(observations)
			.messageConverters(List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build());
		ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient(tokenClient);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, tokens);
		manager.setAuthorizedClientProvider(provider);
		return manager;
	}

}
