package org.customerportal.license;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Licences, trials, quota and activations, upgrades, validation and signed licence certificates.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LicenseServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(LicenseServiceApplication.class, args);
	}

	/** The time of day every rule reads; tests replace it to move time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
