package org.customerportal.license.licenses;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param products per product code, whether trials are offered (all are unless listed with
 * {@code trials: false}); the versions come from the catalogue's events, not from here
 * @param trialQuota the devices a trial may be activated on
 */
@ConfigurationProperties("portal.license")
public record LicenseProperties(Map<String, Product> products, @DefaultValue("1") int trialQuota) {

	public LicenseProperties {
		products = products == null ? Map.of() : Map.copyOf(products);
	}

	public Optional<Product> product(String code) {
		return Optional.ofNullable(products.get(code));
	}

	/**
	 * @param trials whether a 30-day trial may be started
	 */
	public record Product(@DefaultValue("true") boolean trials) {
	}

}
