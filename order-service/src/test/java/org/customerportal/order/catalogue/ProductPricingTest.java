package org.customerportal.order.catalogue;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductPricingTest {

	private final Product both = new Product("BARCODE-READER", "Barcode Reader SDK", "developer", 10,
			Money.of("1249.00", "USD"), Money.of("2499.00", "USD"), Money.of("499.80", "USD"));

	private final Product annualOnly = new Product("MRZ-SCANNER", "MRZ Scanner", "device", 3, Money.of("49.00", "USD"),
			null, null);

	@Test
	void isSoldAsTheTypesItHasAPriceFor() {
		assertThat(both.licenseTypes()).containsExactly(LicenseType.ANNUAL, LicenseType.PERPETUAL);
		assertThat(annualOnly.licenseTypes()).containsExactly(LicenseType.ANNUAL);
		assertThat(annualOnly.soldAs(LicenseType.PERPETUAL)).isFalse();
		assertThat(annualOnly.unitPrice(LicenseType.PERPETUAL)).isEmpty();
	}

	@Test
	void newLicensesCostTheUnitPriceOfTheirType() {
		assertThat(both.unitPrice(LicenseType.ANNUAL)).contains(Money.of("1249.00", "USD"));
		assertThat(both.unitPrice(LicenseType.PERPETUAL)).contains(Money.of("2499.00", "USD"));
	}

	@Test
	void anAnnualRenewalIsAYearsLicenseAndAPerpetualRenewalAYearsMaintenance() {
		assertThat(both.renewalUnitPrice(LicenseType.ANNUAL).orElseThrow().times(2))
			.isEqualTo(Money.of("2498.00", "USD"));
		assertThat(both.renewalUnitPrice(LicenseType.PERPETUAL).orElseThrow().times(3))
			.isEqualTo(Money.of("1499.40", "USD"));
		assertThat(annualOnly.renewalUnitPrice(LicenseType.PERPETUAL)).isEmpty();
	}

}
