package org.customerportal.e2e.portal;

import java.util.List;
import java.util.UUID;

import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportal.e2e.support.Steps.awaitLicenses;
import static org.customerportal.e2e.support.Steps.buy;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.find;
import static org.customerportal.e2e.support.Steps.line;

/**
 * Order > Full License: Alice ticks her two annual licences and chooses Renew Selected, which places one
 * RENEWAL order with a line per licence and takes her to its payment.
 */
@EndToEndTest
class RenewSelectedJourneyTest {

	private final User alice = Keycloak.customer("alice", "Alice", "Anderson");

	@Test
	void renewTwoLicensesTogether() {
		UUID organization = createOrganization(alice, "Anderson Imaging");
		String purchase = buy(alice, organization,
				List.of(line("BARCODE-READER", "ANNUAL", 2), line("LABEL-RECOGNIZER", "ANNUAL", 1)))
			.path("id")
			.asString();
		List<JsonNode> licenses = awaitLicenses(alice, purchase, 2);
		String barcode = find(licenses, "BARCODE-READER").path("id").asString();
		String label = find(licenses, "LABEL-RECOGNIZER").path("id").asString();

		try (Portal browser = Portal.browser("alice")) {
			browser.signIn(alice);
			browser.link("Full License").click();
			assertThat(browser.heading()).hasText("Full License");
			assertThat(browser.page().locator("main table")).containsText("BARCODE-READER");
			assertThat(browser.page().locator("main table")).containsText("LABEL-RECOGNIZER");
			browser.look("full-license");

			browser.link("Upcoming Renewal").click();
			assertThat(browser.heading()).hasText("Upcoming Renewal");
			browser.field("Ending within").selectOption("180");
			browser.button("Show").click();
			// licences bought today end in a year: nothing to renew yet
			assertThat(browser.page().locator("main")).containsText("Nothing ends within the next 180 days.");
			browser.look("upcoming-renewal");

			browser.link("Full License").click();
			browser.button("Renew Selected").click();
			assertThat(browser.page().locator(".govuk-error-summary")).containsText("Select the licences you want to renew.");
			browser.look("full-license-nothing-selected");

			// the boxes are labelled for screen readers: "Select <product> licence <key>"
			browser.page().getByLabel("Select BARCODE-READER licence").check();
			browser.page().getByLabel("Select LABEL-RECOGNIZER licence").check();
			browser.button("Renew Selected").click();

			String orderId = PaymentPage.awaitOrderId(browser);
			JsonNode order = alice.get("/api/orders/" + orderId).expect(200).json();
			assertThat(order.path("type").asString()).isEqualTo("RENEWAL");
			assertThat(order.path("status").asString()).isEqualTo("PENDING_PAYMENT");
			assertThat(order.path("lines").findValuesAsString("licenseId")).containsExactlyInAnyOrder(barcode, label);
		}
	}

}
