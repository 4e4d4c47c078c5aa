package org.customerportal.order.catalogue;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;
import org.customerportal.order.OrderServiceProperties;
import org.customerportal.platform.problem.InvalidFieldException;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.web.PageResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Catalogue", description = "The products on sale and their prices.")
class CatalogueController {

	private final Catalogue catalogue;

	private final OrderServiceProperties properties;

	private final Currencies currencies;

	CatalogueController(Catalogue catalogue, OrderServiceProperties properties, Currencies currencies) {
		this.catalogue = catalogue;
		this.properties = properties;
		this.currencies = currencies;
	}

	@GetMapping("/api/products")
	@Operation(summary = "The catalogue: products, the licence types they are sold as and their prices per quota unit in a currency (default: the caller's organisation's, else USD), by name",
			description = "Every product on sale with the license types it is sold as, its unit and maintenance prices and "
					+ "its quota unit, by name. Any signed-in user.")
	PageResponse<ProductResponse> products(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) @Pattern(regexp = "[A-Z]{3}") String currency, CurrentUser caller) {
		String priced = currency != null ? currency
				: currencies.ofMember(caller.subject()).orElse(properties.defaultCurrency());
		if (!catalogue.hasPriceList(priced)) {
			throw new InvalidFieldException("currency", "has no price list");
		}
		return PageResponse.of(catalogue.products(priced), page, size).map(ProductResponse::of);
	}

	/**
	 * @param unitPrice the price of one quota unit by licence type (a year for an annual licence)
	 * @param maintenancePrice a year's maintenance of one quota unit of a perpetual licence
	 * @param upgradePrice a paid upgrade of one quota unit of a perpetual licence whose maintenance lapsed
	 */
	record ProductResponse(String code, String name, Set<LicenseType> licenseTypes,
			Map<LicenseType, Money> unitPrice, Money maintenancePrice, String quotaUnit, int currentVersion,
			Money upgradePrice) {

		static ProductResponse of(Product product) {
			Map<LicenseType, Money> prices = new TreeMap<>();
			for (LicenseType type : product.licenseTypes()) {
				prices.put(type, product.unitPrice(type).orElseThrow());
			}
			return new ProductResponse(product.code(), product.name(), product.licenseTypes(), prices,
					product.maintenanceUnitPrice(), product.quotaUnit(), product.currentVersion(),
					product.upgradeUnitPrice());
		}

	}

}
