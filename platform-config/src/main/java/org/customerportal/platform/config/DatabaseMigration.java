package org.customerportal.platform.config;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;

/**
 * Entry point of the chart's migration Job (a Helm pre-install and pre-upgrade hook): applies the
 * application's Flyway migrations with its own configuration (application.yml, the platform's defaults,
 * the environment) and exits. It starts nothing else: no web server, Kafka client, scheduler or
 * Keycloak lookup, so a slow migration runs before the rollout instead of inside a pod's start-up probe.
 * The image runs it with {@code java -cp @/app/jib-classpath-file org.customerportal.platform.config.DatabaseMigration}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@MigrationAutoConfiguration
public class DatabaseMigration {

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** Migrates and returns the exit code (0 when every migration was applied). */
	public static int run(String... args) {
		SpringApplication application = new SpringApplication(DatabaseMigration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		return SpringApplication.exit(application.run(args));
	}

}
