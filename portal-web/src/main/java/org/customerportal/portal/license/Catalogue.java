package org.customerportal.portal.license;

import java.time.Duration;
import java.util.List;

import org.customerportal.portal.api.Page;
import org.customerportal.portal.api.PortalApi;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * The products a licence list can be filtered by and a trial can be started of. The catalogue is the
 * same for everyone signed in and changes seldom: it is asked for at most once a minute, not on every
 * page that offers a product.
 */
@Component
public class Catalogue {

	static final Duration KEPT = Duration.ofMinutes(1);

	private static final ParameterizedTypeReference<Page<Product>> PRODUCTS = new ParameterizedTypeReference<>() {
	};

	private final PortalApi api;

	private volatile Known known;

	Catalogue(PortalApi api) {
		this.api = api;
	}

	public List<Product> products() {
		Known now = known;
		long at = System.nanoTime();
		if (now != null && at - now.fetchedAt() < KEPT.toNanos()) {
			return now.products();
		}
		List<Product> products = api.get(PRODUCTS, "/api/products?size=100").items();
		known = new Known(products, at);
		return products;
	}

	private record Known(List<Product> products, long fetchedAt) {
	}

}
