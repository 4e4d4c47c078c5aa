package org.customerportal.license;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Licences, trials, quota and activations, upgrades, validation and signed licence certificates.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LicenseServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(LicenseServiceApplication.class, args);
	}

}
