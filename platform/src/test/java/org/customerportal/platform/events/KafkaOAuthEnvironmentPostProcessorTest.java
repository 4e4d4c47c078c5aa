package org.customerportal.platform.events;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaOAuthEnvironmentPostProcessorTest {

	static final String TOKEN_URL = "http://localhost:8180/realms/portal/protocol/openid-connect/token";

	String allowedBefore;

	@BeforeEach
	void saveAllowList() {
		allowedBefore = System.getProperty(KafkaOAuthEnvironmentPostProcessor.ALLOWED_URLS);
		System.clearProperty(KafkaOAuthEnvironmentPostProcessor.ALLOWED_URLS);
	}

	@AfterEach
	void restoreAllowList() {
		if (allowedBefore == null) {
			System.clearProperty(KafkaOAuthEnvironmentPostProcessor.ALLOWED_URLS);
		}
		else {
			System.setProperty(KafkaOAuthEnvironmentPostProcessor.ALLOWED_URLS, allowedBefore);
		}
	}

	@Test
	void aConfiguredClientAuthenticatesEveryKafkaClientWithOAuthBearer() {
		StandardEnvironment environment = environment(Map.of("portal.kafka.oauth.client-id", "order-service-kafka",
				"portal.kafka.oauth.client-secret", "s3cret", "portal.kafka.oauth.token-endpoint-url", TOKEN_URL));

		new KafkaOAuthEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.kafka.properties.security.protocol")).isEqualTo("SASL_PLAINTEXT");
		assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("OAUTHBEARER");
		assertThat(environment.getProperty("spring.kafka.properties.sasl.oauthbearer.client.credentials.client.id"))
			.isEqualTo("order-service-kafka");
		assertThat(environment.getProperty("spring.kafka.properties.sasl.oauthbearer.token.endpoint.url"))
			.isEqualTo(TOKEN_URL);
		assertThat(System.getProperty(KafkaOAuthEnvironmentPostProcessor.ALLOWED_URLS)).isEqualTo(TOKEN_URL);
	}

	@Test
	void theServicesOwnKafkaSettingsAndAllowListWin() {
		System.setProperty(KafkaOAuthEnvironmentPostProcessor.ALLOWED_URLS, "https://other.example/certs");
		StandardEnvironment environment = environment(Map.of("portal.kafka.oauth.client-id", "order-service-kafka",
				"portal.kafka.oauth.client-secret", "s3cret", "portal.kafka.oauth.token-endpoint-url", TOKEN_URL,
				"portal.kafka.oauth.security-protocol", "SASL_SSL",
				"spring.kafka.properties.sasl.mechanism", "OAUTHBEARER-CUSTOM"));

		new KafkaOAuthEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.kafka.properties.security.protocol")).isEqualTo("SASL_SSL");
		assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("OAUTHBEARER-CUSTOM");
		assertThat(System.getProperty(KafkaOAuthEnvironmentPostProcessor.ALLOWED_URLS))
			.isEqualTo("https://other.example/certs," + TOKEN_URL);
	}

	@Test
	void withoutAClientTheKafkaClientsStayPlaintext() {
		StandardEnvironment environment = environment(Map.of());

		new KafkaOAuthEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.kafka.properties.security.protocol")).isNull();
		assertThat(environment.getPropertySources().contains(KafkaOAuthEnvironmentPostProcessor.PROPERTY_SOURCE))
			.isFalse();
		assertThat(System.getProperty(KafkaOAuthEnvironmentPostProcessor.ALLOWED_URLS)).isNull();
	}

	@Test
	void aClientWithoutSecretRefusesToStartAndNamesTheVariable() {
		StandardEnvironment environment = environment(Map.of("portal.kafka.oauth.client-id", "order-service-kafka",
				"portal.kafka.oauth.token-endpoint-url", TOKEN_URL));

		assertThatThrownBy(() -> new KafkaOAuthEnvironmentPostProcessor().postProcessEnvironment(environment,
				new SpringApplication()))
			.hasMessageContaining("PORTAL_KAFKA_OAUTH_CLIENTSECRET");
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
