package org.customerportal.order.catalogue;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;
import org.customerportal.platform.web.PageResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CatalogueController {

	private final Catalogue catalogue;

	CatalogueController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/api/products")
	@Operation(summary = "The catalogue: products, the licence types they are sold as and their prices per quota unit, by name")
	PageResponse<ProductResponse> products(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageResponse.of(catalogue.products(), page, size).map(ProductResponse::of);
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
