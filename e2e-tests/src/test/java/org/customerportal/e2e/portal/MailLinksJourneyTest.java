package org.customerportal.e2e.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Endpoints;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.LocalSuite;
import org.customerportal.e2e.support.MailCatcher;
import org.customerportal.e2e.support.MailCatcher.Mail;
import org.customerportal.e2e.support.Reply;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.customerportal.e2e.support.Steps.awaitLicenses;
import static org.customerportal.e2e.support.Steps.buy;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.line;

/**
 * Every link in every mail the suite sends leads to a page of the portal: the test reads the mail
 * templates, finds each kind of link in them, gets a real mail with that link and follows it in the
 * browser of the person it was sent to.
 */
@EndToEndTest
class MailLinksJourneyTest {

	private static final String TEST_CLOCK = "/api/notifications/test-clock";

	/**
	 * The kinds of link this test follows; a template with another kind fails the test until it does.
	 * A sales quote's link ({@code quoteUrl}) is followed by {@link SalesQuoteJourneyTest}.
	 */
	private static final Set<String> FOLLOWED = Set.of("acceptUrl", "licenceUrl", "orderUrl", "renewUrl", "unsubscribeUrl",
			"quoteUrl");

	private final User ida = Keycloak.customer("ida", "Ida", "Ingram");

	private final User jon = Keycloak.customer("jon", "Jon", "Jensen");

	private final User support = Keycloak.support();

	@Test
	void everyKindOfLinkInTheMailTemplatesIsFollowed() {
		assertThat(linkKindsInTemplates()).as("kinds of link in the mail templates").isEqualTo(new TreeSet<>(FOLLOWED));
	}

	@Test
	void theLinksOfAnInvitationAReceiptARenewalReminderAndARevocationOpenPortalPages() {
		Reply clock = support.get(TEST_CLOCK);
		LocalSuite.require(clock.status() == 200, "notification-service runs without its test clock");
		UUID company = createOrganization(ida, "Ingram Instruments");
		JsonNode order = buy(ida, company, List.of(line("MRZ-SCANNER", "ANNUAL", 2)));
		String orderId = order.path("id").asString();
		JsonNode license = awaitLicenses(ida, orderId, 1).get(0);

		try (Portal browser = Portal.browser("ida").signIn(ida)) {
			// the receipt: its order link
			Mail receipt = MailCatcher.awaitMail(ida.email(), "Receipt for your order");
			browser.openLink(onThisPortal(receipt.link("/orders/" + orderId)));
			assertThat(browser.heading()).isVisible();
			assertThat(browser.page().locator("main")).containsText(orderId.substring(0, 8).toUpperCase());
			assertThat(browser.heading()).not().hasText("Page not found");

			// the invitation: Jon follows its link and sees who invites him to which company
			ida.post("/api/organizations/" + company + "/invitations", Map.of("email", jon.email())).expect(201);
			Mail invitation = MailCatcher.awaitMail(jon.email(), "invited you to join");
			try (Portal jons = Portal.browser("jon").signIn(jon)) {
				jons.openLink(onThisPortal(invitation.link("/invitations/")));
				assertThat(jons.page().locator("main")).containsText("Ingram Instruments");
				assertThat(jons.heading()).not().hasText("Page not found");
			}

			// the renewal reminder: its licence link and its unsubscribe link
			LocalDate end = LocalDate.parse(license.path("expiresAt").asString());
			moveClockTo(end.minusDays(30));
			Mail reminder = awaitReminder(ida);
			browser.openLink(onThisPortal(reminder.link("/licenses/" + license.path("id").asString())));
			assertThat(browser.page().locator("main")).containsText("MRZ-SCANNER");
			assertThat(browser.heading()).not().hasText("Page not found");

			browser.openLink(reminder.link("/api/unsubscribe?token=").toString());
			assertThat(browser.heading()).hasText("Unsubscribe");
			assertThat(browser.page().locator("main")).containsText(ida.email());
			browser.look("unsubscribe");
			browser.button("Unsubscribe").click();
			assertThat(browser.heading()).hasText("You are unsubscribed");
			browser.look("unsubscribed");

			// the revocation: its licence link shows the licence as revoked, with support's reason
			String licenseId = license.path("id").asString();
			support.post("/api/licenses/" + licenseId + "/revocation", Map.of("reason", "Mail link check.")).expect(200);
			Mail revoked = MailCatcher.awaitMail(ida.email(), "licence has been revoked");
			browser.openLink(onThisPortal(revoked.link("/licenses/" + licenseId)));
			assertThat(browser.page().locator("main")).containsText("Mail link check.");
			assertThat(browser.heading()).not().hasText("Page not found");
		}
		finally {
			support.put(TEST_CLOCK, Map.of("offset", "PT0S")).expect(200);
		}
	}

	/** The link as the mail has it, on the portal under test (the same unless E2E_PORTAL_URL names another). */
	static String onThisPortal(URI link) {
		return Endpoints.PORTAL + link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
	}

	private void moveClockTo(LocalDate day) {
		long days = ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), day);
		support.put(TEST_CLOCK, Map.of("offset", "P" + days + "D")).expect(200);
	}

	private Mail awaitReminder(User contact) {
		return await("the renewal reminder to " + contact.email()).atMost(Endpoints.EVENTUAL)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				support.post("/api/notifications/reminders/scan", null).expect(200);
				return MailCatcher.inbox(contact.email(), "ends in 30 days");
			}, mails -> !mails.isEmpty())
			.get(0);
	}

	private static Set<String> linkKindsInTemplates() {
		Path templates = Path.of(System.getProperty("e2e.repository-root", ".."))
			.resolve("notification-service/src/main/resources/templates/mail");
		Pattern link = Pattern.compile("th:href=\"\\$\\{(\\w+)}\"");
		Set<String> kinds = new TreeSet<>();
		try (Stream<Path> files = Files.list(templates)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
				Matcher found = link.matcher(Files.readString(file));
				while (found.find()) {
					kinds.add(found.group(1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return kinds;
	}

}
