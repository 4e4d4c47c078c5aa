package org.customerportal.e2e.portal;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.line;
import static org.customerportal.e2e.support.Steps.quote;

/**
 * Alice buys in the portal: Purchase, a quota of five annual Barcode Reader SDK licences, the quote's
 * total, Place order, then the payment method page. By wire transfer the order page shows how to pay
 * and that the order awaits payment; by credit card she pays on the payment provider's page (the
 * simulated one: "Test payment") and comes back to the order, which turns paid.
 */
@EndToEndTest
class PortalPurchaseJourneyTest {

	private final User alice = Keycloak.customer("alice", "Alice", "Anderson");

	@Test
	void aliceOrdersAndIsToldHowToPayByWireTransfer() {
		try (Portal browser = quoteAndOrder("wire")) {
			assertThat(browser.heading()).hasText("How do you want to pay?");
			assertThat(browser.page().locator("main")).containsText("We accept credit card, PayPal, wire transfer, and check.");
			browser.look("payment-method");

			browser.field("Wire transfer").check();
			browser.button("Continue").click();

			assertThat(browser.heading()).hasText(Pattern.compile("^Order [0-9A-F]{8}$"));
			assertThat(status(browser)).hasText("Awaiting payment");
			assertThat(browser.page().locator("main")).containsText("How to pay by wire transfer");
			assertThat(browser.page().locator(".govuk-inset-text")).containsText("quoting reference ORD-");
			assertThat(browser.page().locator("main")).containsText("Barcode Reader SDK");
			browser.look("order-wire-transfer");
		}
	}

	/** Needs the payment API that answers card payments with the provider's page (redirectUrl). */
	@Test
	void alicePaysByCardOnTheProvidersPageAndTheOrderTurnsPaid() {
		try (Portal browser = quoteAndOrder("card")) {
			browser.field("Credit card").check();
			browser.button("Continue").click();

			assertThat(browser.heading()).hasText("Test payment");
			browser.button("Pay").click();

			assertThat(browser.heading()).hasText(Pattern.compile("^Order [0-9A-F]{8}$"));
			assertThat(browser.page().locator("main")).containsText("Payment received");
			// the provider's confirmation arrives on its own: the page watches for it
			assertThat(status(browser)).hasText("Paid", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
			assertThat(browser.button("Cancel order")).hasCount(0);
			browser.look("order-paid-by-card");
		}
	}

	/** Signs Alice in with her company, asks for a quote in the portal and orders it. */
	private Portal quoteAndOrder(String shots) {
		UUID organization = createOrganization(alice, "Anderson Imaging");
		// the order service learns from account events that Alice is a member: wait for that, not for the page
		quote(alice, organization, List.of(line("BARCODE-READER", "ANNUAL", 1)));
		Portal browser = Portal.browser("alice");
		browser.signIn(alice);
		browser.link("Purchase").click();
		assertThat(browser.heading()).hasText("Purchase");
		if (shots.equals("wire")) {
			browser.look("purchase-catalogue");
			browser.button("Get a quote").click();
			assertThat(browser.page().locator(".govuk-error-summary"))
				.containsText("Enter a quota of 1 or more for at least one product");
			browser.look("purchase-nothing-chosen");
		}

		Locator barcodeReader = browser.page()
			.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Barcode Reader SDK").setExact(true));
		barcodeReader.getByLabel("Annual", new Locator.GetByLabelOptions().setExact(true)).check();
		barcodeReader.getByLabel("Quota", new Locator.GetByLabelOptions().setExact(true)).fill("5");
		browser.button("Get a quote").click();

		assertThat(browser.heading()).hasText(Pattern.compile("^Quote [0-9A-F]{8}$"));
		assertThat(browser.page().locator("#lines-total")).hasText("$6,245.00");
		assertThat(browser.page().locator("main")).containsText("Barcode Reader SDK");
		if (shots.equals("wire")) {
			browser.look("quote");
		}
		browser.button("Place order").click();
		return browser;
	}

	private static Locator status(Portal browser) {
		return browser.page().locator("#order-status .govuk-tag");
	}

}
