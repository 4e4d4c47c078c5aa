package org.customerportal.e2e.portal;


import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.customerportal.e2e.support.Steps.createOrganization;

/**
 * A person signs in through Keycloak, sees the home page and signs out, which ends the Keycloak session
 * too: opening the portal again asks for the password again.
 */
@EndToEndTest
class SignInJourneyTest {

	private final User alice = Keycloak.customer("alice", "Alice", "Anderson");

	@Test
	void signInSeeHomeAndSignOut() {
		createOrganization(alice, "Anderson Imaging");
		try (Portal browser = Portal.browser("alice")) {
			browser.signIn(alice);
			assertThat(browser.heading()).hasText("Welcome, Alice Anderson");
			assertThat(browser.page().locator("main")).containsText("No order is awaiting payment.");
			browser.look("home");

			// by keyboard alone: the skip link comes first, then the menu leads to Account Management > Users
			browser.page().keyboard().press("Tab");
			assertThat(browser.page().locator(":focus")).hasText("Skip to main content");
			String focused = "";
			for (int tabs = 0; tabs < 30 && !focused.equals("Users"); tabs++) {
				browser.page().keyboard().press("Tab");
				focused = browser.page().locator(":focus").innerText().strip();
			}
			browser.page().keyboard().press("Enter");
			assertThat(browser.heading()).hasText("Users");

			browser.signOut();
			browser.look("signed-out");
			browser.open("/");
			// the Keycloak session ended with the portal's: its sign-in form again
			assertThat(browser.page().locator("#username")).isVisible();
		}
	}

}
