package org.customerportal.e2e.portal;

import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.customerportal.e2e.support.Steps.createOrganization;

/** A person stops renewal reminders on E-mail preferences, and the choice is still there later. */
@EndToEndTest
class PreferencesJourneyTest {

	private final User alice = Keycloak.customer("alice", "Alice", "Anderson");

	@Test
	void renewalRemindersStayOffOnceSwitchedOff() {
		createOrganization(alice, "Anderson Imaging");
		try (Portal browser = Portal.browser("alice").signIn(alice)) {
			browser.link("E-mail preferences").click();
			assertThat(browser.heading()).hasText("E-mail preferences");
			assertThat(browser.field("Renewal reminders")).isChecked();
			browser.look("preferences");

			browser.field("Renewal reminders").uncheck();
			browser.button("Save").click();
			assertThat(browser.page().locator("main")).containsText("Your e-mail preferences are saved.");

			browser.page().reload();
			assertThat(browser.field("Renewal reminders")).not().isChecked();
			browser.open("/");
			browser.link("E-mail preferences").click();
			assertThat(browser.field("Renewal reminders")).not().isChecked();
		}
	}

}
