package org.customerportal.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's defaults (probes, metrics, tracing, Kafka serialisation and timeouts, the
 * outbox) with the lowest precedence, so a service's application.yml or the environment overrides
 * any of them.
 */
public class PortalDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			new PropertiesPropertySourceLoader()
				.load("portal-platform-defaults", new ClassPathResource("portal-platform-defaults.properties"))
				.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
