package org.customerportal.portal.purchase;

import java.util.List;
import java.util.Map;

import org.customerportal.portal.api.Money;

/**
 * A product of the catalogue as {@code GET /api/products} answers it.
 *
 * @param unitPrice the price of one quota unit per licence type (a year of an annual licence)
 * @param maintenancePrice a year's maintenance of one quota unit of a perpetual licence
 */
public record ProductView(String code, String name, List<String> licenseTypes, Map<String, Money> unitPrice,
		Money maintenancePrice, String quotaUnit) {

	public ProductView {
		licenseTypes = licenseTypes == null ? List.of() : licenseTypes;
		unitPrice = unitPrice == null ? Map.of() : unitPrice;
	}

	public boolean perpetual() {
		return licenseTypes.contains("PERPETUAL");
	}

}
