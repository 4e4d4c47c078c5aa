package org.customerportal.e2e.portal;

import java.util.UUID;

import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.join;

/**
 * On Users, only the current primary contact is offered to make someone else the primary contact;
 * everyone else is told who can. Alice hands the role to Bob, and then the primary contact she tries to
 * remove is refused with the API's sentence.
 */
@EndToEndTest
class PrimaryContactJourneyTest {

	private final User alice = Keycloak.customer("alice", "Alice", "Anderson");

	private final User bob = Keycloak.customer("bob", "Bob", "Brown");

	@Test
	void onlyThePrimaryContactHandsTheRoleOn() {
		UUID company = createOrganization(alice, "Anderson Imaging");
		join(bob, company, alice);

		try (Portal bobs = Portal.browser("bob").signIn(bob); Portal alices = Portal.browser("alice").signIn(alice)) {
			bobs.open("/account/users");
			assertThat(bobs.button("Make primary contact Alice Anderson")).not().isAttached();
			assertThat(bobs.page().locator("main")).containsText("Only the current primary contact can assign a new primary contact.");

			alices.open("/account/users");
			alices.button("Make primary contact Bob Brown").click();
			assertThat(alices.page().locator("main")).containsText("Bob Brown is now the primary contact.");
			assertThat(alices.button("Make primary contact Bob Brown")).not().isAttached();
			assertThat(alices.page().locator("main")).containsText("Only the current primary contact can assign a new primary contact.");

			bobs.open("/account/users");
			assertThat(bobs.button("Make primary contact Alice Anderson")).isVisible();
			bobs.look("users-primary-contact");

			alices.link("Remove Bob Brown").click();
			assertThat(alices.heading()).hasText("Remove Bob Brown?");
			alices.look("users-remove");
			alices.button("Remove Bob Brown").click();
			assertThat(alices.page().getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
				.containsText("The primary contact cannot be removed or leave the organization until another primary contact is assigned.");
			assertThat(alices.page().locator("main")).containsText(bob.email());
			alices.look("users-refused");
		}
	}

}
