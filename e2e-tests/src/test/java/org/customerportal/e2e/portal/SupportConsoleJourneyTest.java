package org.customerportal.e2e.portal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Endpoints;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.join;
import static org.customerportal.e2e.support.Steps.line;
import static org.customerportal.e2e.support.Steps.order;
import static org.customerportal.e2e.support.Steps.quote;

/**
 * The support console: Sam (support) finds a customer's company, confirms the wire transfer it
 * announced, and the customer then sees the licence in Full License; Sam reads the sent-mail log and
 * removes an account after the confirmation step. Customers never see the console.
 */
@EndToEndTest
class SupportConsoleJourneyTest {

	private final User kim = Keycloak.customer("kim", "Kim", "Keller");

	private final User leo = Keycloak.customer("leo", "Leo", "Lang");

	private final User sam = Keycloak.support();

	@Test
	void supportConfirmsAWireTransferAndTheCustomerSeesTheLicense() {
		UUID organization = createOrganization(kim, "Keller Kinetics");
		String company = kim.get("/api/organizations/" + organization).expect(200).json().path("name").asString();
		join(leo, organization, kim);
		String orderId = order(kim, quote(kim, organization, List.of(line("DOCUMENT-SCANNER", "ANNUAL", 1))), "WIRE_TRANSFER")
			.path("id")
			.asString();
		JsonNode payment = kim.post("/api/orders/" + orderId + "/payments", Map.of("method", "WIRE_TRANSFER")).expect(201).json();
		String reference = payment.path("reference").asString();

		try (Portal customer = Portal.browser("kim").signIn(kim); Portal support = Portal.browser("sam").signIn(sam)) {
			// customers have no console
			assertThat(customer.link("Support console")).hasCount(0);
			customer.open("/support");
			assertThat(customer.heading()).not().hasText("Find a person or company");

			support.link("Support console").click();
			assertThat(support.heading()).hasText("Find a person or company");
			support.field("E-mail address, name or company").fill("K");
			support.button("Search").click();
			assertThat(support.page().locator(".govuk-error-summary")).containsText("Enter at least 2 characters to search");
			support.look("support-search-error");

			support.field("E-mail address, name or company").fill(company);
			support.button("Search").click();
			support.look("support-search");
			support.link(company).first().click();
			assertThat(support.heading()).hasText(company);
			Locator awaiting = support.page().locator("table").filter(new Locator.FilterOptions().setHasText(reference));
			assertThat(awaiting).containsText("Wire transfer");
			support.look("support-company");
			support.button("Confirm payment received").click();
			assertThat(support.page().locator(".govuk-notification-banner")).containsText("is confirmed: the order is paid");
			assertThat(support.page().locator("main")).containsText("No wire transfer or check is awaiting confirmation.");

			// the customer sees the licence once license-service has heard of the payment
			await("the licence in Kim's Full License").atMost(Endpoints.EVENTUAL).pollInterval(Duration.ofSeconds(1)).until(() -> {
				customer.open("/licenses");
				return customer.mainText().contains("DOCUMENT-SCANNER");
			});
			customer.look("full-license");

			// the mail log shows the receipt Kim was sent
			support.link("Support console").first().click();
			support.link("Sent mail").click();
			support.field("Recipient").fill(kim.email());
			support.button("Show").click();
			await("the receipt in the log").atMost(Endpoints.EVENTUAL).pollInterval(Duration.ofSeconds(1)).until(() -> {
				support.page().reload();
				return support.mainText().contains("Receipt for your order");
			});
			support.look("support-mail");

			// removing Leo's account takes a confirmation step
			support.link("Find a person or company").click();
			support.field("E-mail address, name or company").fill(leo.email());
			support.button("Search").click();
			support.page().getByRole(com.microsoft.playwright.options.AriaRole.LINK,
					new com.microsoft.playwright.Page.GetByRoleOptions().setName("Remove account " + leo.email())).click();
			assertThat(support.heading()).hasText("Remove the account of " + leo.email() + "?");
			support.look("support-remove");
			support.button("Remove the account").click();
			assertThat(support.page().locator(".govuk-notification-banner")).containsText("The account of " + leo.email() + " was removed.");
		}
	}

}
