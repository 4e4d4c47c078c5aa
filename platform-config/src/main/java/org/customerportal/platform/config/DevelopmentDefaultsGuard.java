package org.customerportal.platform.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * value is the default of its placeholder ({@code ${DB_PASSWORD:portal}}: "portal"), or the test clock
 * ({@code portal.test-clock.enabled=true}). The committed value stays in one place, the application's
 * configuration; the refusal names the environment variable of its placeholder, so the operator knows
 * what to set. Runs before any bean exists: nothing connects anywhere with a known password first.
 */
public class DevelopmentDefaultsGuard implements EnvironmentPostProcessor, Ordered {

	/** Settings whose committed default (the placeholder's) is for development only. */
	public static final String GUARDED = "portal.development-defaults";

	static final String TEST_CLOCK = "portal.test-clock.enabled";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+):(.*)}");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (DevelopmentOnly.allowed(environment)) {
			return;
		}
		List<String> committed = new ArrayList<>();
		List<String> variables = new ArrayList<>();
		Binder.get(environment).bind(GUARDED, Bindable.listOf(String.class)).orElse(List.of()).forEach(property -> {
			String value = environment.getProperty(property);
			placeholders(environment, property).stream()
				.filter(placeholder -> placeholder.fallback().equals(value))
				.findFirst()
				.ifPresent(placeholder -> {
					committed.add(placeholder.variable() + " (" + property + ")");
					variables.add(placeholder.variable());
				});
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
			String variable = variable(environment, TEST_CLOCK);
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

	private static Set<Placeholder> placeholders(ConfigurableEnvironment environment, String property) {
		Set<Placeholder> found = new LinkedHashSet<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source.getProperty(property) instanceof CharSequence raw) {
				Matcher matcher = PLACEHOLDER.matcher(raw.toString().trim());
				if (matcher.matches()) {
					found.add(new Placeholder(matcher.group(1), matcher.group(2)));
				}
			}
		}
		return found;
	}

	private static String variable(ConfigurableEnvironment environment, String property) {
		return placeholders(environment, property).stream().findFirst().map(Placeholder::variable).orElse(property);
	}

	private record Placeholder(String variable, String fallback) {
	}

}
