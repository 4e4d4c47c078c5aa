package org.customerportal.portal.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.customerportal.portal.PortalProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The public API, called through the gateway with the signed-in person's access token exactly as any
 * other client calls it; the token never leaves this server. Refusals become {@link ApiProblem} (shown
 * next to what caused them), a dependency that cannot answer {@link ApiUnavailable}, a token the API no
 * longer accepts {@link SignInAgain}.
 */
@Component
public class PortalApi {

	static final String REGISTRATION_ID = "keycloak";

	/** Connections kept to the gateway: the page threads and the parallel calls together. */
	static final int CONNECTIONS = 100;

	private final RestClient client;

	private final JsonMapper json;

	private final OAuth2AuthorizedClientManager authorizedClients;

	private final Executor calls;

	PortalApi(ObjectProvider<RestClient.Builder> builders, OAuth2AuthorizedClientManager authorizedClients, PortalProperties properties,
			JsonMapper json, @Qualifier("apiCalls") Executor calls) {
		this.json = json;
		this.authorizedClients = authorizedClients;
		this.calls = calls;
		OAuth2ClientHttpRequestInterceptor relay = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
		relay.setClientRegistrationIdResolver(request -> REGISTRATION_ID);
		// Blocking calls on the page's own thread over pooled keep-alive connections: the JDK client
		// hands every answer over between its selector, its executor and the page's thread.
		ClientHttpRequestFactory requests = ClientHttpRequestFactoryBuilder.httpComponents()
			.withConnectionManagerCustomizer(pool -> pool.setMaxConnTotal(CONNECTIONS).setMaxConnPerRoute(CONNECTIONS))
			.build(HttpClientSettings.defaults()
				.withTimeouts(properties.apiTimeout(), properties.apiTimeout())
				.withRedirects(HttpRedirects.DONT_FOLLOW));
		this.client = builders.getIfAvailable(RestClient::builder)
			.baseUrl(properties.apiUrl().toString())
			.requestFactory(requests)
			// the application's JSON settings (a tolerant reader), also where no builder is configured
			.configureMessageConverters(converters -> converters.registerDefaults().withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
			.requestInterceptor(relay)
			.defaultStatusHandler(status -> status.isError(), this::refuse)
			.build();
	}

	/**
	 * A call made on another thread while the page goes on (a page's independent reads at the same
	 * time); {@link Later#get()} waits for it and throws what the call threw.
	 */
	public <T> Later<T> later(Supplier<T> call) {
		// the token renewed here, if it must be, rather than by several calls at once
		Authentication person = SecurityContextHolder.getContext().getAuthentication();
		if (person instanceof OAuth2AuthenticationToken) {
			authorizedClients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID).principal(person).build());
		}
		return new Later<>(CompletableFuture.supplyAsync(call, calls));
	}

	/** The answer of a call made with {@link #later}. */
	public static final class Later<T> {

		private final CompletableFuture<T> answer;

		Later(CompletableFuture<T> answer) {
			this.answer = answer;
		}

		public T get() {
			try {
				return answer.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				throw ex;
			}
		}

	}

	public <T> T get(Class<T> type, String uri, Object... variables) {
		return call(() -> client.get().uri(uri, variables).retrieve().body(type));
	}

	public <T> T get(ParameterizedTypeReference<T> type, String uri, Object... variables) {
		return call(() -> client.get().uri(uri, variables).retrieve().body(type));
	}

	/** A file the API serves (e.g. a signed certificate), with its headers. */
	public ResponseEntity<byte[]> download(String uri, Object... variables) {
		return call(() -> client.get().uri(uri, variables).retrieve().toEntity(byte[].class));
	}

	public <T> T post(Class<T> type, Object body, String uri, Object... variables) {
		return call(() -> {
			RestClient.RequestBodySpec request = client.post().uri(uri, variables);
			if (body != null) {
				request.body(body);
			}
			return request.retrieve().body(type);
		});
	}

	public void post(Object body, String uri, Object... variables) {
		call(() -> {
			RestClient.RequestBodySpec request = client.post().uri(uri, variables);
			if (body != null) {
				request.body(body);
			}
			return request.retrieve().toBodilessEntity();
		});
	}

	public <T> T put(Class<T> type, Object body, String uri, Object... variables) {
		return call(() -> client.put().uri(uri, variables).body(body).retrieve().body(type));
	}

	/** A PUT with headers of its own, e.g. {@code If-Match} with the ETag the person saw. */
	public <T> T put(Class<T> type, Object body, HttpHeaders headers, String uri, Object... variables) {
		return call(() -> client.put().uri(uri, variables).headers(all -> all.addAll(headers)).body(body).retrieve().body(type));
	}

	public <T> T patch(Class<T> type, Object body, String uri, Object... variables) {
		return call(() -> client.patch().uri(uri, variables).body(body).retrieve().body(type));
	}

	public void delete(String uri, Object... variables) {
		call(() -> client.delete().uri(uri, variables).retrieve().toBodilessEntity());
	}

	/**
	 * A POST with headers of its own, e.g. an {@code Idempotency-Key} that makes a repeat (a double
	 * submit) return the first answer instead of doing it twice.
	 */
	public <T> T post(Class<T> type, Object body, HttpHeaders headers, String uri, Object... variables) {
		return call(() -> {
			RestClient.RequestBodySpec request = client.post().uri(uri, variables).headers(all -> all.addAll(headers));
			if (body != null) {
				request.body(body);
			}
			return request.retrieve().body(type);
		});
	}

	private <T> T call(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (ResourceAccessException ex) {
			throw new ApiUnavailable("The API did not answer: " + ex.getMessage(), ex);
		}
	}

	private void refuse(HttpRequest request, ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		if (status == 401) {
			throw new SignInAgain("The API refused the token for " + request.getMethod() + " " + request.getURI());
		}
		if (status >= 500 || status == 429) {
			throw new ApiUnavailable("The API answered " + status + " to " + request.getMethod() + " "
					+ request.getURI(), null);
		}
		throw problem(status, response.getBody());
	}

	private ApiProblem problem(int status, InputStream body) {
		String detail = null;
		List<ApiProblem.FieldProblem> errors = new ArrayList<>();
		try {
			JsonNode problem = json.readTree(body);
			detail = problem.path("detail").isString() ? problem.path("detail").asString() : null;
			for (JsonNode error : problem.path("errors")) {
				errors.add(new ApiProblem.FieldProblem(error.path("field").asString(null),
						error.path("message").asString(null)));
			}
		}
		catch (RuntimeException ex) {
			// not a problem document: the status alone says what went wrong
		}
		return new ApiProblem(status, detail, errors);
	}

}
