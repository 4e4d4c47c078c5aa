package org.customerportal.e2e.portal;

import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Someone whose company has no account yet is offered to create it on Home, names it, and is its first
 * user and primary contact.
 */
@EndToEndTest
class CreateCompanyJourneyTest {

	private final User fiona = Keycloak.customer("fiona", "Fiona", "Fischer");

	@Test
	void aPersonWithoutACompanyCreatesItsAccount() {
		String company = "Fischer Optics " + Keycloak.RUN;
		try (Portal browser = Portal.browser("fiona").signIn(fiona)) {
			browser.link("Create my company account").click();
			assertThat(browser.heading()).hasText("Create my company account");
			browser.button("Create my company account").click();
			assertThat(browser.field("Company name")).hasAttribute("aria-describedby", "name-error");
			assertThat(browser.page().locator(".govuk-error-summary"))
				.containsText("Enter your company's name");
			browser.look("create-company");

			browser.field("Company name").fill(company);
			browser.button("Create my company account").click();

			assertThat(browser.heading()).hasText("Users");
			assertThat(browser.page().locator("main")).containsText("The company account " + company + " is ready.");
			assertThat(browser.page().locator("tbody tr")).hasCount(1);
			assertThat(browser.page().locator("tbody tr")).containsText(fiona.email());
			assertThat(browser.page().locator("tbody tr")).containsText("Primary contact");

			browser.open("/");
			assertThat(browser.link("Create my company account")).not().isAttached();
		}
	}

}
