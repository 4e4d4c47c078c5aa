package org.customerportal.platform.test;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.core.env.ConfigurableEnvironment;

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
				app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
				return app.run(args);
			});
		}
		catch (SpringApplication.AbandonedRunException stopped) {
			return prepared.get();
		}
		throw new IllegalStateException("The start-up of " + application.getName() + " did not reach its configuration");
	}

}
