package org.customerportal.e2e.portal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.Endpoints;
import org.customerportal.e2e.support.EndToEndTest;
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
import static org.customerportal.e2e.support.Steps.signIn;

/**
 * Order > My Orders > Manage Contacts in the browser: Carol, who is not in Alice's company, cannot be
 * added (the FAQ's sentence, next to the field); Bob, a member, can, and can be removed again; the last
 * contact cannot be removed, and the page says why.
 */
@EndToEndTest
class ManageContactsJourneyTest {

	private final User alice = Keycloak.customer("alice", "Alice", "Anderson");

	private final User bob = Keycloak.customer("bob", "Bob", "Brown");

	private final User carol = Keycloak.customer("carol", "Carol", "Clark");

	@Test
	void onlyMembersBecomeContactsAndTheLastOneStays() {
		UUID organization = createOrganization(alice, "Anderson Imaging");
		join(bob, organization, alice);
		signIn(carol);
		// who may see an order is decided before it is paid: an order awaiting payment will do
		JsonNode order = order(alice, quote(alice, organization, List.of(line("LABEL-RECOGNIZER", "ANNUAL", 1))), "WIRE_TRANSFER");
		String reference = order.path("id").asString().substring(0, 8).toUpperCase();

		try (Portal browser = Portal.browser("alice")) {
			browser.signIn(alice);
			browser.link("My Orders").click();
			browser.link(reference).click();
			browser.link("Manage Contacts").click();
			assertThat(browser.heading()).containsText("Manage Contacts");
			assertThat(browser.page().locator(".govuk-breadcrumbs"))
				.hasText(java.util.regex.Pattern.compile("Order\\s*My Orders\\s*Order " + reference + "\\s*Manage Contacts"));
			assertThat(contacts(browser)).containsText(alice.email());

			String notLinked = carol.email() + " is not linked to your organization and cannot be added to Contacts.";
			browser.field("E-mail address").fill(carol.email());
			browser.button("Add contact").click();
			assertThat(browser.page().locator("#email-error")).containsText(notLinked);
			assertThat(browser.page().locator(".govuk-error-summary")).containsText(notLinked);
			assertThat(browser.field("E-mail address")).hasValue(carol.email());
			browser.look("manage-contacts-not-linked");

			// the order service learns from account events that Bob joined: a person would try again
			await("Bob added as a contact").atMost(Endpoints.EVENTUAL).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				browser.field("E-mail address").fill(bob.email());
				browser.button("Add contact").click();
				assertThat(contacts(browser)).containsText(bob.email(),
						new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(2_000));
			});
			assertThat(browser.page().locator(".govuk-notification-banner")).containsText(bob.email() + " was added");

			browser.button("Remove " + bob.email()).click();
			assertThat(browser.page().locator(".govuk-notification-banner")).containsText(bob.email() + " was removed");
			assertThat(contacts(browser)).not().containsText(bob.email());

			browser.button("Remove " + alice.email()).click();
			assertThat(browser.page().locator(".govuk-error-summary"))
				.containsText("An order needs at least one contact. Add another contact before removing this one.");
			assertThat(contacts(browser)).containsText(alice.email());
			browser.look("manage-contacts-last-contact");
		}
	}

	private static Locator contacts(Portal browser) {
		return browser.page().locator("main table");
	}

}
