package org.customerportal.e2e.portal;

import com.microsoft.playwright.Locator;
import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.customerportal.e2e.support.Steps.createOrganization;

/**
 * Trial License: a person of a new company starts a trial, extends it twice, and the third time reads
 * why not, in the API's words.
 */
@EndToEndTest
class TrialJourneyTest {

	private final User carol = Keycloak.customer("carol", "Carol", "Clark");

	@Test
	void startAndExtendATrialTwice() {
		createOrganization(carol, "Clark Scanning");
		try (Portal browser = Portal.browser("carol")) {
			browser.signIn(carol);
			browser.link("Trial License").click();
			assertThat(browser.heading()).hasText("Trial License");
			assertThat(browser.page().locator("main")).containsText("Your company has no trials yet.");

			browser.field("Product").selectOption("LABEL-RECOGNIZER");
			browser.button("Start trial").click();
			assertThat(browser.page().locator(".govuk-notification-banner")).containsText("Your trial of LABEL-RECOGNIZER has started.");
			Locator trial = browser.page().locator("main table tbody tr").filter(new Locator.FilterOptions().setHasText("LABEL-RECOGNIZER"));
			assertThat(trial).containsText("2 extensions left");

			browser.button("Extend by 30 days LABEL-RECOGNIZER").click();
			assertThat(browser.page().locator(".govuk-notification-banner")).containsText("Your trial of LABEL-RECOGNIZER now runs until");
			assertThat(trial).containsText("1 extension left");

			browser.button("Extend by 30 days LABEL-RECOGNIZER").click();
			assertThat(trial).containsText("No extensions left");

			browser.button("Extend by 30 days LABEL-RECOGNIZER").click();
			String refusal = "This trial has already been extended twice, and the limit is two. Buy a licence to keep using LABEL-RECOGNIZER.";
			assertThat(browser.page().locator(".govuk-error-summary")).containsText(refusal);
			assertThat(trial).containsText(refusal);
			assertThat(trial).containsText("No extensions left");
			browser.look("trials-extension-refused");

			// a second trial of the same product is refused while the first runs
			browser.field("Product").selectOption("LABEL-RECOGNIZER");
			browser.button("Start trial").click();
			assertThat(browser.page().locator("#product-error")).containsText("already has an active trial of LABEL-RECOGNIZER");
		}
	}

}
