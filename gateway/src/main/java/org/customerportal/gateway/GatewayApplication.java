package org.customerportal.gateway;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The single entry point of the Customer Portal API: routes {@code /api/**} to the services, checks
 * Keycloak tokens, limits request rates, keeps a stopped or slow service from holding callers, and
 * shows every service's OpenAPI document in one Swagger UI.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	public static void main(String[] args) {
		EventLoopThreads.configure(System.getenv(), System.getProperties(), Runtime.getRuntime().availableProcessors());
		SpringApplication.run(GatewayApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
