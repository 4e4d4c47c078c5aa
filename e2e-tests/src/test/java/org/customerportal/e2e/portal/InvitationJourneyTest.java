package org.customerportal.e2e.portal;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Endpoints;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.MailCatcher;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.customerportal.e2e.support.Steps.createOrganization;

/**
 * Alice invites someone who has no account yet. The invitation mail's link offers to create one; the
 * person registers on Keycloak's form, verifies the address with the link Keycloak mails, comes back to
 * the invitation, sees who invites them to which company and accepts; they are then one of the
 * company's users, and the link says it has been used.
 */
@EndToEndTest
class InvitationJourneyTest {

	private final User alice = Keycloak.customer("alice", "Alice", "Anderson");

	private final String newbie = "newbie-" + Keycloak.RUN + "@example.com";

	@Test
	void aPersonWithoutAnAccountIsInvitedRegistersAndJoins() {
		createOrganization(alice, "Anderson Imaging");
		String company = "Anderson Imaging " + Keycloak.RUN;

		try (Portal aliceBrowser = Portal.browser("alice")) {
			aliceBrowser.signIn(alice);
			aliceBrowser.link("Users").click();
			assertThat(aliceBrowser.heading()).hasText("Users");
			aliceBrowser.field("E-mail address").fill(newbie);
			aliceBrowser.button("Send invitation").click();
			assertThat(aliceBrowser.page().locator("main")).containsText("We have sent an invitation to " + newbie + ".");
			assertThat(pendingInvitations(aliceBrowser)).containsText(newbie);
			aliceBrowser.look("users");
		}

		String invitation = MailLinksJourneyTest.onThisPortal(MailCatcher.awaitMail(newbie, "invited you to join").link("/invitations/"));
		try (Portal aliceBrowser = Portal.browser("alice").signIn(alice)) {
			// the link is only for the address it was sent to
			aliceBrowser.openLink(invitation);
			aliceBrowser.button("Accept invitation").click();
			assertThat(aliceBrowser.heading()).hasText("This invitation is for another e-mail address");
			assertThat(aliceBrowser.page().locator("main")).containsText(newbie);
			assertThat(aliceBrowser.page().locator("main")).containsText(alice.email());
			assertThat(aliceBrowser.page().locator("main").getByRole(AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Sign out"))).isVisible();
			aliceBrowser.look("invitation-wrong-address");
		}
		try (Portal browser = Portal.browser("newbie")) {
			browser.openLink(invitation);
			assertThat(browser.heading()).hasText("You have been invited to join a company account");
			browser.look("invitation-welcome");
			browser.link("Create an account").click();

			register(browser.page());
			String verification = MailCatcher.awaitMail(newbie, "Verify email").link("action-token").toString();
			browser.openLink(verification);
			choosePasswordIfAsked(browser.page());

			browser.page().waitForURL(Pattern.compile("^" + Pattern.quote(Endpoints.PORTAL + "/invitations/") + ".*"));
			assertThat(browser.heading()).hasText("Join " + company);
			assertThat(browser.page().locator("main")).containsText("Alice Anderson invites you to join the company account of " + company + ".");
			browser.look("invitation");
			browser.button("Accept invitation").click();

			assertThat(browser.heading()).hasText("Users");
			assertThat(browser.page().locator("main")).containsText("You have joined " + company + ".");
			assertThat(companyContacts(browser)).containsText(newbie);
			assertThat(companyContacts(browser)).containsText("Nora Newman");

			browser.openLink(invitation);
			assertThat(browser.heading()).hasText("This invitation has already been used");
			assertThat(browser.page().locator("main")).containsText("You are a member of " + company + ".");
			browser.look("invitation-used");
		}
	}

	private static Locator pendingInvitations(Portal browser) {
		return browser.page().getByRole(AriaRole.TABLE,
				new Page.GetByRoleOptions().setName("Pending invitations"));
	}

	private static Locator companyContacts(Portal browser) {
		return browser.page().getByRole(AriaRole.TABLE,
				new Page.GetByRoleOptions().setName("Company contacts"));
	}

	/** Keycloak's registration form; the password is asked for here or after the verification link. */
	private void register(Page keycloak) {
		keycloak.locator("#kc-register-form").waitFor();
		if (keycloak.locator("#username").count() > 0) {
			keycloak.locator("#username").fill("newbie-" + Keycloak.RUN);
		}
		keycloak.locator("#email").fill(newbie);
		keycloak.locator("#firstName").fill("Nora");
		keycloak.locator("#lastName").fill("Newman");
		if (keycloak.locator("#password").count() > 0) {
			keycloak.locator("#password").fill(password());
			keycloak.locator("#password-confirm").fill(password());
		}
		keycloak.locator("#kc-register-form [type=submit]").click();
		assertThat(keycloak.locator("body")).containsText("verify your email address");
	}

	private void choosePasswordIfAsked(Page page) {
		Locator newPassword = page.locator("#password-new");
		page.waitForCondition(() -> page.url().startsWith(Endpoints.PORTAL.toString()) || newPassword.count() > 0);
		if (newPassword.count() > 0) {
			newPassword.fill(password());
			page.locator("#password-confirm").fill(password());
			page.locator("[type=submit]").first().click();
		}
	}

	private String password() {
		return "newbie-" + Keycloak.RUN + "-e2e-only";
	}

}
