package org.customerportal.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.customerportal.platform.config.DevelopmentOnly.RefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.env.MapPropertySource;
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
					+ "DB_PASSWORD (spring.datasource.password), SIGNING_KEY (portal.signing.key).")
			.hasMessageContaining("SPRING_PROFILES_ACTIVE=local")
			.hasMessageEndingWith("Set DB_PASSWORD, SIGNING_KEY to values of your own, kept in your secret store.");
	}

	@Test
	void theCommittedValueIsRefusedHoweverItIsSet() {
		StandardEnvironment environment = environment(Map.of("DB_PASSWORD", "portal", "SIGNING_KEY", "mine"));

		assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null)).isInstanceOf(RefusedException.class)
			.hasMessageContaining("DB_PASSWORD (spring.datasource.password)")
			.hasMessageNotContaining("SIGNING_KEY");
	}

	@Test
	void valuesOfOnesOwnAreAccepted() {
		StandardEnvironment environment = environment(Map.of("DB_PASSWORD", "s3cret", "SIGNING_KEY", "mine"));

		assertThatCode(() -> guard.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
	}

	@Test
	void theTestClockIsRefusedNamingItsVariable() {
		StandardEnvironment environment = environment(
				Map.of("DB_PASSWORD", "s3cret", "SIGNING_KEY", "mine", "CLOCK_ENABLED", "true"));

		assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null)).isInstanceOf(RefusedException.class)
			.hasMessageStartingWith("The test clock is enabled (CLOCK_ENABLED=true)")
			.hasMessageEndingWith("Remove CLOCK_ENABLED or set it to false.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "dev", "test" })
	void aDevelopmentProfileAllowsThemAll(String profile) {
		StandardEnvironment environment = environment(Map.of("CLOCK_ENABLED", "true"));
		environment.setActiveProfiles(profile);

		assertThatCode(() -> guard.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
	}

	@Test
	void anApplicationThatGuardsNothingStarts() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application.yml", Map.of("spring.datasource.password", "${DB_PASSWORD:portal}")));

		assertThatCode(() -> guard.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
	}

	/** What an application.yml says, and what the environment sets. */
	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("spring.datasource.password", "${DB_PASSWORD:portal}");
		configuration.put("portal.signing.key", "${SIGNING_KEY:committed-key}");
		configuration.put("portal.test-clock.enabled", "${CLOCK_ENABLED:false}");
		configuration.put("portal.development-defaults[0]", "spring.datasource.password");
		configuration.put("portal.development-defaults[1]", "portal.signing.key");
		environment.getPropertySources().addLast(new MapPropertySource("application.yml", configuration));
		environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
		return environment;
	}

}
