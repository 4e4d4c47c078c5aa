package org.customerportal.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Refuses to start, without a development profile ({@link DevelopmentOnly}), an application that still
 * has a value committed for development: a setting named in {@code portal.development-defaults} whose
 * value is the one its packaged configuration file ({@code application.yml}) gives it, or the test clock
 * ({@code portal.test-clock.enabled=true}). The committed value stays in one place, the application's
 * configuration; the refusal names the environment variable that sets the property by relaxed binding
 * ({@code spring.datasource.password}: {@code SPRING_DATASOURCE_PASSWORD}), so the operator knows what to
 * set. Runs before any bean exists: nothing connects anywhere with a known password first.
 */
public class DevelopmentDefaultsGuard implements EnvironmentPostProcessor, Ordered {

	/** Settings whose committed value (in the packaged application.yml) is for development only. */
	public static final String GUARDED = "portal.development-defaults";

	static final String TEST_CLOCK = "portal.test-clock.enabled";

	/** How Spring Boot names the property source of a configuration file packaged with the application. */
	private static final String PACKAGED_FILE = "class path resource";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (DevelopmentOnly.allowed(environment)) {
			return;
		}
		List<String> committed = new ArrayList<>();
		List<String> variables = new ArrayList<>();
		Binder.get(environment).bind(GUARDED, Bindable.listOf(String.class)).orElse(List.of()).forEach(property -> {
			String value = environment.getProperty(property);
			if (value != null && value.equals(committedValue(environment, property))) {
				committed.add(variable(property) + " (" + property + ")");
				variables.add(variable(property));
			}
		});
		boolean testClock = environment.getProperty(TEST_CLOCK, Boolean.class, false);
		if (committed.isEmpty() && !testClock) {
			return;
		}
		List<String> what = new ArrayList<>();
		List<String> instead = new ArrayList<>();
		if (!committed.isEmpty()) {
			what.add("The configuration has development values committed to the public repository: "
					+ String.join(", ", committed) + ".");
			instead.add("Set " + String.join(", ", variables)
					+ (variables.size() == 1 ? " to a value" : " to values") + " of your own, kept in your secret store.");
		}
		if (testClock) {
			String variable = variable(TEST_CLOCK);
			what.add("The test clock is enabled (" + variable + "=true): support could move the service's time.");
			instead.add("Remove " + variable + " or set it to false.");
		}
		throw new DevelopmentOnly.RefusedException(String.join(" ", what), String.join(" ", instead));
	}

	/** After the configuration files and the active profiles are known. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** The value a configuration file packaged with the application gives the property, resolved. */
	private static String committedValue(ConfigurableEnvironment environment, String property) {
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source.getName().contains(PACKAGED_FILE) && source.getProperty(property) != null) {
				return environment.resolvePlaceholders(Objects.toString(source.getProperty(property)));
			}
		}
		return null;
	}

	/**
	 * The environment variable that sets a property by relaxed binding: dots become underscores, dashes
	 * go, upper case ({@code portal.test-clock.enabled}: {@code PORTAL_TESTCLOCK_ENABLED}).
	 */
	public static String variable(String property) {
		return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
	}

}
