package org.customerportal.e2e.portal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.customerportal.e2e.support.Steps.awaitLicenses;
import static org.customerportal.e2e.support.Steps.buy;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.line;

/**
 * The sales console: Sally (sales) puts a product on sale, prices it in the dollar price list and
 * releases its version 2; a customer whose perpetual licence's maintenance has lapsed sees "Buy upgrade
 * to version 2" on the licence's page and is taken to the payment of the upgrade order. Customers never
 * see the console.
 */
@EndToEndTest
class SalesConsoleJourneyTest {

	private static final String PRODUCT = "UI-" + Keycloak.RUN.toUpperCase();

	private final User sally = Keycloak.sales();

	private final User sam = Keycloak.support();

	private final User nina = Keycloak.customer("nina", "Nina", "Neumann");

	@Test
	void salesPutAProductOnSaleAndReleaseItsNextVersionWhichALapsedLicenseBuys() {
		UUID organization = createOrganization(nina, "Neumann Optics");
		try (Portal sales = Portal.browser("sally").signIn(sally); Portal customer = Portal.browser("nina").signIn(nina)) {
			assertThat(customer.link("Sales console")).hasCount(0);

			// the sales console opens on quotes; the catalogue is its next section
			sales.link("Sales console").click();
			assertThat(sales.heading()).hasText("Find a company to quote");
			sales.link("Products").click();
			assertThat(sales.heading()).hasText("Products");
			assertThat(sales.page().locator("table")).containsText("Barcode Reader SDK");
			sales.look("sales-products");

			sales.button("Add the product").click();
			assertThat(sales.page().locator(".govuk-error-summary")).containsText("Enter the product code");
			sales.look("sales-products-error");
			sales.field("Code").fill(PRODUCT);
			sales.field("Name").fill("UI Vision SDK " + Keycloak.RUN);
			sales.field("Quota unit").fill("developer");
			sales.field("Annual licence").uncheck();
			sales.field("Perpetual licence with maintenance").check();
			sales.field("First version").fill("1");
			sales.button("Add the product").click();
			assertThat(sales.heading()).hasText("UI Vision SDK " + Keycloak.RUN);
			assertThat(sales.page().locator(".govuk-notification-banner")).containsText("is in the catalogue with version 1");
			sales.look("sales-product");

			// its prices in dollars, in the empty row at the end of the list
			sales.link("Sales console").click();
			sales.link("Price lists").click();
			sales.link("USD").click();
			assertThat(sales.heading()).hasText("Price list in USD");
			sales.field("Product code of a new product").fill(PRODUCT);
			sales.field("Perpetual price of a new product").fill("400.00");
			sales.button("Save the price list").click();
			assertThat(sales.page().locator(".govuk-error-summary"))
				.containsText("Is required: UI Vision SDK " + Keycloak.RUN + " is sold as a perpetual licence");
			sales.look("sales-price-list-error");
			// the row is the product's own now, and says so
			sales.field("Maintenance price of " + PRODUCT).fill("80.00");
			sales.field("Upgrade price of " + PRODUCT).fill("200.00");
			sales.button("Save the price list").click();
			assertThat(sales.page().locator(".govuk-notification-banner")).containsText("The price list in USD is saved.");
			sales.look("sales-price-list");

			JsonNode license = bought(organization);

			sales.open("/sales/products/" + PRODUCT);
			sales.field("New major version").fill("2");
			sales.button("Release").click();
			assertThat(sales.page().locator(".govuk-notification-banner")).containsText("Version 2 of " + PRODUCT + " is released");
			assertThat(sales.page().locator("#current-version")).hasText("2");
			sales.field("New major version").fill("2");
			sales.button("Release").click();
			assertThat(sales.page().locator(".govuk-error-summary")).containsText("is not newer than its current version 2");
			sales.look("sales-release-error");

			// a year and a day later the licence's maintenance has ended: the upgrade is for sale
			LocalDate maintenanceEnd = LocalDate.parse(license.path("maintenanceExpiresAt").asString());
			String offset = "P" + (ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), maintenanceEnd) + 1) + "D";
			try {
				sam.put("/api/licenses/test-clock", Map.of("offset", offset)).expect(200);
				sam.put("/api/orders/test-clock", Map.of("offset", offset)).expect(200);
				customer.open("/licenses/" + license.path("id").asString());
				assertThat(customer.button("Buy upgrade to version 2")).isVisible();
				customer.look("licence-buy-upgrade");
				customer.button("Buy upgrade to version 2").click();
				assertThat(customer.heading()).hasText("How do you want to pay?");
				assertThat(customer.page().locator("main")).containsText("400.00");
				customer.look("upgrade-payment");
			}
			finally {
				sam.put("/api/licenses/test-clock", Map.of("offset", "PT0S")).expect(200);
				sam.put("/api/orders/test-clock", Map.of("offset", "PT0S")).expect(200);
			}
		}
	}

	/** Nina's company buys a perpetual licence of two developers of the new product. */
	private JsonNode bought(UUID organization) {
		String orderId = buy(nina, organization, List.of(line(PRODUCT, "PERPETUAL", 2))).path("id").asString();
		return awaitLicenses(nina, orderId, 1).get(0);
	}

}
