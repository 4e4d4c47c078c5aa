package org.customerportal.order.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CatalogueController {

	private final Catalogue catalogue;

	CatalogueController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/api/products")
	@Operation(summary = "The catalogue: products, the licence types they are sold as and their prices per quota unit")
	List<ProductResponse> products() {
		return catalogue.products().stream().map(ProductResponse::of).toList();
	}

	/**
	 * @param unitPrice the price of one quota unit by licence type (a year for an annual licence)
	 * @param maintenancePrice a year's maintenance of one quota unit of a perpetual licence
	 */
	record ProductResponse(String code, String name, Set<LicenseType> licenseTypes,
			Map<LicenseType, Money> unitPrice, Money maintenancePrice, String quotaUnit, int currentVersion) {

		static ProductResponse of(Product product) {
			Map<LicenseType, Money> prices = new TreeMap<>();
			for (LicenseType type : product.licenseTypes()) {
				prices.put(type, product.unitPrice(type).orElseThrow());
			}
			return new ProductResponse(product.code(), product.name(), product.licenseTypes(), prices,
					product.maintenanceUnitPrice(), product.quotaUnit(), product.currentVersion());
		}

	}

}
