package org.customerportal.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.customerportal.platform.config.DevelopmentOnly.RefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevelopmentDefaultsGuardTest {

	private final DevelopmentDefaultsGuard guard = new DevelopmentDefaultsGuard();

	@Test
	void theCommittedDefaultsAreRefusedNamingTheVariablesToSet() {
		StandardEnvironment environment = environment(Map.of());

		assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null))
			.isInstanceOf(RefusedException.class)
			.hasMessageStartingWith("The configuration has development values committed to the public repository: "
					+ "SPRING_DATASOURCE_PASSWORD (spring.datasource.password), PORTAL_SIGNING_PRIVATEKEY (portal.signing.private-key).")
			.hasMessageContaining("SPRING_PROFILES_ACTIVE=local")
			.hasMessageEndingWith("Set SPRING_DATASOURCE_PASSWORD, PORTAL_SIGNING_PRIVATEKEY to values of your own, kept in your secret store.");
	}

	@Test
	void theCommittedValueIsRefusedHoweverItIsSet() {
		StandardEnvironment environment = environment(Map.of("SPRING_DATASOURCE_PASSWORD", "portal", "PORTAL_SIGNING_PRIVATEKEY", "mine"));

		assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null)).isInstanceOf(RefusedException.class)
			.hasMessageContaining("SPRING_DATASOURCE_PASSWORD (spring.datasource.password)")
			.hasMessageNotContaining("PORTAL_SIGNING_PRIVATEKEY");
	}

	@Test
	void valuesOfOnesOwnAreAccepted() {
		StandardEnvironment environment = environment(Map.of("SPRING_DATASOURCE_PASSWORD", "s3cret", "PORTAL_SIGNING_PRIVATEKEY", "mine"));

		assertThatCode(() -> guard.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
	}

	@Test
	void theTestClockIsRefusedNamingItsVariable() {
		StandardEnvironment environment = environment(
				Map.of("SPRING_DATASOURCE_PASSWORD", "s3cret", "PORTAL_SIGNING_PRIVATEKEY", "mine",
						"PORTAL_TESTCLOCK_ENABLED", "true"));

		assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null)).isInstanceOf(RefusedException.class)
			.hasMessageStartingWith("The test clock is enabled (PORTAL_TESTCLOCK_ENABLED=true)")
			.hasMessageEndingWith("Remove PORTAL_TESTCLOCK_ENABLED or set it to false.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "dev", "test" })
	void aDevelopmentProfileAllowsThemAll(String profile) {
		StandardEnvironment environment = environment(Map.of("PORTAL_TESTCLOCK_ENABLED", "true"));
		environment.setActiveProfiles(profile);

		assertThatCode(() -> guard.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
	}

	@Test
	void anApplicationThatGuardsNothingStarts() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource(APPLICATION_YML, Map.of("spring.datasource.password", "portal")));

		assertThatCode(() -> guard.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
	}

	private static final String APPLICATION_YML = "Config resource 'class path resource [application.yml]' via location 'optional:classpath:/'";

	/** What an application.yml says, and what the environment sets. */
	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("spring.datasource.password", "portal");
		configuration.put("portal.signing.private-key", "committed-key");
		configuration.put("portal.development-defaults[0]", "spring.datasource.password");
		configuration.put("portal.development-defaults[1]", "portal.signing.private-key");
		environment.getPropertySources().addLast(new MapPropertySource(APPLICATION_YML, configuration));
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		ConfigurationPropertySources.attach(environment);
		return environment;
	}

}
