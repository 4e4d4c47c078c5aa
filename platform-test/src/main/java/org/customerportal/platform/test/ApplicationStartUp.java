package org.customerportal.platform.test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Starts an application the way {@code java -jar} does, but only as far as its configuration: its
 * application.yml, the given command-line arguments, the active profiles and the start-up checks that
 * read them (the platform's refusal of development values). It stops before any bean is created, so no
 * database, broker or Keycloak is needed.
 */
public final class ApplicationStartUp {

	private ApplicationStartUp() {
	}

	/**
	 * @return the environment the application would have run with
	 * @throws RuntimeException what a start-up check threw, e.g. a refusal of a development value
	 */
	public static ConfigurableEnvironment configure(Class<?> application, String... args) {
		return configure(application, Map.of(), args);
	}

	/**
	 * As {@link #configure(Class, String...)}, with these environment variables added to the process's
	 * own: they bind by relaxed binding, as in a container ({@code SPRING_DATASOURCE_PASSWORD}).
	 */
	public static ConfigurableEnvironment configure(Class<?> application, Map<String, String> variables,
			String... args) {
		AtomicReference<ConfigurableEnvironment> prepared = new AtomicReference<>();
		SpringApplicationRunListener stopWhenConfigured = new SpringApplicationRunListener() {
			@Override
			public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
					ConfigurableEnvironment environment) {
				prepared.set(environment);
				throw new SpringApplication.AbandonedRunException();
			}
		};
		try {
			SpringApplication.withHook(app -> stopWhenConfigured, () -> {
				SpringApplication app = new SpringApplication(application);
				app.setEnvironment(withVariables(variables));
				app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
				return app.run(args);
			});
		}
		catch (SpringApplication.AbandonedRunException stopped) {
			return prepared.get();
		}
		throw new IllegalStateException("The start-up of " + application.getName() + " did not reach its configuration");
	}

	private static ConfigurableEnvironment withVariables(Map<String, String> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> all = new HashMap<>(environment.getSystemEnvironment());
		all.putAll(variables);
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, all));
		return environment;
	}

}
