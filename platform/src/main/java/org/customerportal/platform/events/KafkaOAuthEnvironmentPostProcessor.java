package org.customerportal.platform.events;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@link KafkaOAuthProperties} into the Kafka client settings under {@code spring.kafka.properties},
 * so producers, consumers, the dead-letter publisher and the admin client all authenticate alike. Runs as
 * an environment post-processor (not a bean) because Kafka reads its URL allow-list from a system
 * property that must be set before the first client exists.
 */
class KafkaOAuthEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Kafka 4 fetches tokens only from URLs listed in this system property. */
	static final String ALLOWED_URLS = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

	static final String PROPERTY_SOURCE = "portal-kafka-oauth";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		KafkaOAuthProperties oauth = Binder.get(environment)
			.bindOrCreate("portal.kafka.oauth", KafkaOAuthProperties.class);
		if (!oauth.enabled()) {
			return;
		}
		require(oauth.clientSecret(), "client-secret");
		require(oauth.tokenEndpointUrl(), "token-endpoint-url");
		// lowest precedence: a service's own spring.kafka.properties.* still win
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, clientSettings(oauth)));
		allowTokenEndpoint(oauth.tokenEndpointUrl());
	}

	static Map<String, Object> clientSettings(KafkaOAuthProperties oauth) {
		String prefix = "spring.kafka.properties.";
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put(prefix + "security.protocol", oauth.securityProtocol());
		settings.put(prefix + "sasl.mechanism", "OAUTHBEARER");
		settings.put(prefix + "sasl.jaas.config",
				"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
		settings.put(prefix + "sasl.login.callback.handler.class",
				"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
		settings.put(prefix + "sasl.oauthbearer.token.endpoint.url", oauth.tokenEndpointUrl());
		settings.put(prefix + "sasl.oauthbearer.client.credentials.client.id", oauth.clientId());
		settings.put(prefix + "sasl.oauthbearer.client.credentials.client.secret", oauth.clientSecret());
		return settings;
	}

	private static void allowTokenEndpoint(String url) {
		Set<String> allowed = new LinkedHashSet<>();
		String current = System.getProperty(ALLOWED_URLS, "");
		Arrays.stream(current.split(",")).map(String::trim).filter(u -> !u.isEmpty()).forEach(allowed::add);
		allowed.add(url);
		System.setProperty(ALLOWED_URLS, String.join(",", allowed));
	}

	private static void require(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("portal.kafka.oauth.client-id is set but portal.kafka.oauth." + name
					+ " is not (PORTAL_KAFKA_OAUTH_" + name.toUpperCase().replace("-", "")
					+ "): set it, or unset the client id to connect to Kafka without authentication.");
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
