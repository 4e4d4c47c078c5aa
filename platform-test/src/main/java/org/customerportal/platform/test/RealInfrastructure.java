package org.customerportal.platform.test;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application under test at the JVM's real PostgreSQL and Kafka and at the test token
 * issuer. Used by {@link PortalIntegrationTest}.
 */
public class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestTokens tokens = TestTokens.get();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("portal-real-infrastructure",
					Map.of("spring.datasource.url", TestPostgres.jdbcUrl(), "spring.datasource.username",
							TestPostgres.username(), "spring.datasource.password", TestPostgres.password(),
							"spring.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
							"spring.security.oauth2.resourceserver.jwt.issuer-uri", tokens.issuer(),
							"spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens.jwkSetUri())));
	}

}
