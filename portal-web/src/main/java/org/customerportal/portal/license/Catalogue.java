package org.customerportal.portal.license;

import java.util.List;

import org.customerportal.portal.api.Page;
import org.customerportal.portal.api.PortalApi;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** The products a licence list can be filtered by and a trial can be started of. */
@Component
public class Catalogue {

	private static final ParameterizedTypeReference<Page<Product>> PRODUCTS = new ParameterizedTypeReference<>() {
	};

	private final PortalApi api;

	Catalogue(PortalApi api) {
		this.api = api;
	}

	public List<Product> products() {
		return api.get(PRODUCTS, "/api/products?size=100").items();
	}

}
