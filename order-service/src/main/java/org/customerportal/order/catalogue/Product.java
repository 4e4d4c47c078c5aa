package org.customerportal.order.catalogue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;

/**
 * A product of the catalogue and what it costs in one currency. Prices are per quota unit: a year of
 * an annual licence, a perpetual licence, a year of a perpetual licence's maintenance, or the upgrade
 * of a perpetual licence whose maintenance lapsed to the newest major version.
 */
public record Product(String code, String name, String quotaUnit, int currentVersion, Money annualUnitPrice,
		Money perpetualUnitPrice, Money maintenanceUnitPrice, Money upgradeUnitPrice) {

	public Product(String code, String name, String quotaUnit, int currentVersion, Money annualUnitPrice,
			Money perpetualUnitPrice, Money maintenanceUnitPrice) {
		this(code, name, quotaUnit, currentVersion, annualUnitPrice, perpetualUnitPrice, maintenanceUnitPrice, null);
	}

	public Set<LicenseType> licenseTypes() {
		Set<LicenseType> types = EnumSet.noneOf(LicenseType.class);
		if (annualUnitPrice != null) {
			types.add(LicenseType.ANNUAL);
		}
		if (perpetualUnitPrice != null) {
			types.add(LicenseType.PERPETUAL);
		}
		return types;
	}

	public boolean soldAs(LicenseType type) {
		return unitPrice(type).isPresent();
	}

	/** The price of one quota unit of a new licence of this type, if the product is sold so. */
	public Optional<Money> unitPrice(LicenseType type) {
		return Optional.ofNullable(type == LicenseType.ANNUAL ? annualUnitPrice : perpetualUnitPrice);
	}

	/**
	 * The price of one quota unit for a year more: a year's licence for an annual licence, a year's
	 * maintenance for a perpetual one.
	 */
	public Optional<Money> renewalUnitPrice(LicenseType type) {
		return Optional.ofNullable(type == LicenseType.ANNUAL ? annualUnitPrice : maintenanceUnitPrice);
	}

	/** The price of one quota unit of a paid upgrade of a perpetual licence, if the price list has one. */
	public Optional<Money> upgradePrice() {
		return Optional.ofNullable(upgradeUnitPrice);
	}

}
