package org.customerportal.e2e.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
import static org.customerportal.e2e.support.Steps.line;

/**
 * The licence page: an activation uses one unit of quota and freeing the device gives it back, the signed
 * certificate downloads as a file,
 * and Manage > Add Quota refuses 0 next to the field, then places a QUOTA_EXPANSION order and goes on to
 * its payment.
 */
@EndToEndTest
class AddQuotaJourneyTest {

	private final User bob = Keycloak.customer("bob", "Bob", "Brown");

	@Test
	void activateDownloadAndAddQuota() throws IOException {
		UUID organization = createOrganization(bob, "Brown Freight");
		String purchase = buy(bob, organization, List.of(line("BARCODE-READER", "ANNUAL", 2))).path("id").asString();
		String license = awaitLicenses(bob, purchase, 1).get(0).path("id").asString();

		try (Portal browser = Portal.browser("bob")) {
			browser.signIn(bob);
			browser.link("Full License").click();
			browser.page().getByRole(AriaRole.LINK,
					new Page.GetByRoleOptions().setName("Manage BARCODE-READER")).click();
			assertThat(browser.heading()).hasText("BARCODE-READER licence");
			assertThat(browser.page().locator("#quota-used")).hasText("0 of 2 units of quota used");

			browser.field("Device ID").fill("build-agent-7");
			browser.button("Activate").click();
			assertThat(browser.page().locator("#quota-used")).hasText("1 of 2 units of quota used");
			assertThat(browser.page().locator("main table")).containsText("build-agent-7");
			browser.look("licence");
			browser.button("Free build-agent-7").click();
			assertThat(browser.page().locator("#quota-used")).hasText("0 of 2 units of quota used");
			browser.field("Device ID").fill("build-agent-7");
			browser.button("Activate").click();
			assertThat(browser.page().locator("#quota-used")).hasText("1 of 2 units of quota used");

			Download certificate = browser.page().waitForDownload(() -> browser.link("Download certificate").click());
			assertThat(certificate.suggestedFilename()).isEqualTo("license-certificate-" + license + ".json");
			assertThat(Files.size(certificate.path())).isPositive();
			assertThat(Files.readString(certificate.path())).contains("\"signature\"");

			browser.field("Additional quota").fill("0");
			browser.button("Add Quota").click();
			assertThat(browser.page().locator(".govuk-error-summary")).containsText("Enter a number of units greater than 0");
			assertThat(browser.page().locator("#additionalQuota-error")).containsText("Enter a number of units greater than 0");
			assertThat(browser.field("Additional quota")).hasValue("0");
			browser.look("licence-add-quota-error");

			browser.field("Additional quota").fill("3");
			browser.button("Add Quota").click();
			String orderId = PaymentPage.awaitOrderId(browser);
			JsonNode order = bob.get("/api/orders/" + orderId).expect(200).json();
			assertThat(order.path("type").asString()).isEqualTo("QUOTA_EXPANSION");
			assertThat(order.path("lines").get(0).path("licenseId").asString()).isEqualTo(license);
			assertThat(order.path("lines").get(0).path("quota").asInt()).isEqualTo(3);
		}
	}

}
