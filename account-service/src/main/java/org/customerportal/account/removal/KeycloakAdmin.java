package org.customerportal.account.removal;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The few calls of the Keycloak admin REST API that account-service needs, made with the access token
 * of its service account (client credentials grant). Keycloak users are addressed by id, which is the
 * subject of their access tokens.
 */
@Component
class KeycloakAdmin {

	private static final ParameterizedTypeReference<Map<String, Object>> REPRESENTATION = //
			new ParameterizedTypeReference<>() {
			};

	/** A token is renewed this long before Keycloak says it expires. */
	private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

	private final RestClient http;

	private final KeycloakProperties properties;

	private final Clock clock;

	private volatile ServiceAccountToken token;

	KeycloakAdmin(KeycloakProperties properties, ObservationRegistry observations, Clock clock) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.timeout());
		this.http = RestClient.builder()
			.baseUrl(properties.adminUrl().toString())
			.requestFactory(requests)
			.observationRegistry(observations)
			.build();
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Disables the user, so they can no longer sign in, and ends their sessions. Repeating it is harmless.
	 * @return false if Keycloak does not know the user (nothing to disable)
	 * @throws org.springframework.web.client.RestClientException if Keycloak cannot be reached or refuses
	 */
	boolean disable(String userId) {
		String bearer = "Bearer " + accessToken();
		try {
			Map<String, Object> user;
			try {
				user = http.get()
					.uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
					.header(HttpHeaders.AUTHORIZATION, bearer)
					.retrieve()
					.body(REPRESENTATION);
			}
			catch (HttpClientErrorException.NotFound ex) {
				return false;
			}
			// The whole representation goes back, so that nothing else about the user changes.
			user.put("enabled", false);
			http.put()
				.uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
				.header(HttpHeaders.AUTHORIZATION, bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.body(user)
				.retrieve()
				.toBodilessEntity();
			http.post()
				.uri("/admin/realms/{realm}/users/{id}/logout", properties.realm(), userId)
				.header(HttpHeaders.AUTHORIZATION, bearer)
				.retrieve()
				.toBodilessEntity();
			return true;
		}
		catch (HttpClientErrorException.Unauthorized ex) {
			token = null; // revoked or expired early: ask for a new one next time
			throw ex;
		}
	}

	private String accessToken() {
		ServiceAccountToken current = token;
		Instant now = clock.instant();
		if (current != null && now.isBefore(current.renewAt())) {
			return current.value();
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("client_id", properties.clientId());
		form.add("client_secret", properties.clientSecret());
		TokenResponse response = http.post()
			.uri("/realms/{realm}/protocol/openid-connect/token", properties.realm())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.body(TokenResponse.class);
		if (response == null || response.accessToken() == null) {
			throw new IllegalStateException("Keycloak answered the token request without an access token");
		}
		ServiceAccountToken fresh = new ServiceAccountToken(response.accessToken(),
				now.plusSeconds(response.expiresIn()).minus(EXPIRY_MARGIN));
		token = fresh;
		return fresh.value();
	}

	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
	}

	private record ServiceAccountToken(String value, Instant renewAt) {
	}

}
