package org.customerportal.platform.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Points the application under test at the JVM's real PostgreSQL and Kafka and at the test token
 * issuer. Used by {@link PortalIntegrationTest}.
 */
public class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Property sources of the test's own settings: {@code properties = …} and {@code @DynamicPropertySource}. */
	private static final List<String> TEST_PROPERTIES = List.of("Inlined Test Properties", "Dynamic Test Properties");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		List<PropertySource<?>> own = TEST_PROPERTIES.stream()
			.<PropertySource<?>>map(sources::get)
			.filter(Objects::nonNull)
			.toList();
		Map<String, Supplier<String>> infrastructure = new LinkedHashMap<>();
		infrastructure.put("spring.datasource.url", TestPostgres::jdbcUrl);
		infrastructure.put("spring.datasource.username", TestPostgres::username);
		infrastructure.put("spring.datasource.password", TestPostgres::password);
		infrastructure.put("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
		infrastructure.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.get().issuer());
		infrastructure.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> TestTokens.get().jwkSetUri());
		Map<String, Object> values = new LinkedHashMap<>();
		// a test's own properties win, e.g. a Kafka address that is down on purpose
		infrastructure.forEach((key, value) -> {
			if (own.stream().noneMatch(source -> source.containsProperty(key))) {
				values.put(key, value.get());
			}
		});
		sources.addFirst(new MapPropertySource("portal-real-infrastructure", values));
		CloseContextsAtTheEnd.register(context);
	}

}
