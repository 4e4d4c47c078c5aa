package org.customerportal.license.licenses;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The newest major version of each product: the configured catalogue, raised by any newer version seen
 * in a paid order. Upgrades may not go beyond it, and trials start on it.
 */
@Component
public class ProductReleases {

	private final JdbcClient jdbc;

	private final LicenseProperties properties;

	ProductReleases(JdbcClient jdbc, LicenseProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** The newest known major version, or empty for a product never configured nor sold. */
	public Optional<Integer> latestVersion(String product) {
		Optional<Integer> seen = jdbc.sql("select latest_version from product_release where product = ?")
			.param(product)
			.query(Integer.class)
			.optional();
		Integer configured = properties.product(product).map(LicenseProperties.Product::currentVersion).orElse(null);
		if (configured == null) {
			return seen;
		}
		return Optional.of(seen.map(v -> Math.max(v, configured)).orElse(configured));
	}

	/** Remembers that a version of a product was sold. */
	public void seen(String product, int version) {
		jdbc.sql("""
				insert into product_release (product, latest_version) values (?, ?)
				on conflict (product) do update set latest_version = greatest(product_release.latest_version, excluded.latest_version)
				""").params(product, version).update();
	}

}
