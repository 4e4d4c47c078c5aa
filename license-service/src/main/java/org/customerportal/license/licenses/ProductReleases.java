package org.customerportal.license.licenses;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The newest major version of each product, as order-service's catalogue announces its releases
 * ({@code portal.product.released.v1}), raised by any newer version seen in a paid order. Upgrades may
 * not go beyond it, and trials start on it.
 */
@Component
public class ProductReleases {

	private final JdbcClient jdbc;

	ProductReleases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The newest known major version, or empty for a product never released nor sold. */
	public Optional<Integer> latestVersion(String product) {
		return jdbc.sql("select latest_version from product_release where product = ?")
			.param(product)
			.query(Integer.class)
			.optional();
	}

	/**
	 * Remembers that a version of a product was released or sold; an older one, arriving late, changes
	 * nothing.
	 */
	public void seen(String product, int version) {
		jdbc.sql("""
				insert into product_release (product, latest_version) values (?, ?)
				on conflict (product) do update set latest_version = greatest(product_release.latest_version, excluded.latest_version)
				""").params(product, version).update();
	}

}
