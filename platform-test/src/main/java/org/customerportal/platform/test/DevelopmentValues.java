package org.customerportal.platform.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.customerportal.platform.config.DevelopmentOnly;

import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checks an application's own configuration against the platform's refusal of the values committed for
 * development ({@code portal.development-defaults}), through {@link ApplicationStartUp}.
 */
public final class DevelopmentValues {

	private DevelopmentValues() {
	}

	/**
	 * Without a development profile the application refuses to start while any of the given variables
	 * is unset (its committed default applies), naming that variable; with values of its own for all of
	 * them it starts; with the profile {@code local} it keeps the committed defaults.
	 * @param ownValues every environment variable whose committed default is refused, with a value of one's own
	 */
	public static void assertRefusedOutsideDevelopment(Class<?> application, Map<String, String> ownValues) {
		assertThatThrownBy(() -> ApplicationStartUp.configure(application))
			.isInstanceOf(DevelopmentOnly.RefusedException.class)
			.hasMessageContainingAll(ownValues.keySet().toArray(String[]::new))
			.hasMessageContaining("SPRING_PROFILES_ACTIVE=local");
		ownValues.keySet().forEach(unset -> {
			Map<String, String> others = new LinkedHashMap<>(ownValues);
			others.remove(unset);
			assertThatThrownBy(() -> ApplicationStartUp.configure(application, others))
				.as("%s left at its committed default", unset)
				.isInstanceOf(DevelopmentOnly.RefusedException.class)
				.hasMessageContaining(unset + " (")
				.satisfies(refused -> others.keySet()
					.forEach(set -> assertThat(refused.getMessage()).doesNotContain(set + " (")));
		});
		assertThatCode(() -> ApplicationStartUp.configure(application, ownValues)).doesNotThrowAnyException();
		ConfigurableEnvironment local = ApplicationStartUp.configure(application, "--spring.profiles.active=local");
		assertThat(local.getActiveProfiles()).containsExactly("local");
	}

	/**
	 * Without a development profile the application refuses to start with its test clock enabled through
	 * the given variable, naming it; with the profile {@code local} the clock is enabled.
	 * @param ownValues values of one's own for the application's committed defaults
	 */
	public static void assertTestClockRefusedOutsideDevelopment(Class<?> application, Map<String, String> ownValues,
			String variable) {
		Map<String, String> clockOn = new LinkedHashMap<>(ownValues);
		clockOn.put(variable, "true");
		assertThatThrownBy(() -> ApplicationStartUp.configure(application, clockOn))
			.isInstanceOf(DevelopmentOnly.RefusedException.class)
			.hasMessageStartingWith("The test clock is enabled (" + variable + "=true): support could move the service's time.")
			.hasMessageEndingWith("Remove " + variable + " or set it to false.");
		assertThat(ApplicationStartUp.configure(application, Map.of(variable, "true"), "--spring.profiles.active=local")
			.getProperty("portal.test-clock.enabled", Boolean.class)).isTrue();
	}

}
