package org.customerportal.e2e.portal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Endpoints;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.LocalSuite;
import org.customerportal.e2e.support.Reply;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.customerportal.e2e.support.Steps.awaitLicenses;
import static org.customerportal.e2e.support.Steps.buy;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.line;
import static org.customerportal.e2e.support.Steps.order;
import static org.customerportal.e2e.support.Steps.quote;

/**
 * Sam (support) revokes a licence from the console with a reason, which its customer then reads on the
 * licence's page, and reinstates it; the customer resends and withdraws a pending invitation on
 * Account Management > Users; an order never paid by wire transfer shows that it expired.
 */
@EndToEndTest
class RevocationInvitationsAndExpiryJourneyTest {

	private final User vera = Keycloak.customer("vera", "Vera", "Vogel");

	private final User sam = Keycloak.support();

	@Test
	void supportRevokesAndReinstatesALicenseTheCustomerSeesWhy() {
		UUID organization = createOrganization(vera, "Vogel Vision");
		String company = vera.get("/api/organizations/" + organization).expect(200).json().path("name").asString();
		String orderId = buy(vera, organization, List.of(line("MRZ-SCANNER", "ANNUAL", 1))).path("id").asString();
		String license = awaitLicenses(vera, orderId, 1).get(0).path("id").asString();

		try (Portal support = Portal.browser("sam").signIn(sam); Portal customer = Portal.browser("vera").signIn(vera)) {
			support.open("/support/companies/" + organization);
			assertThat(support.heading()).hasText(company);
			support.link("MRZ-SCANNER").click();
			assertThat(support.heading()).hasText("MRZ-SCANNER licence");
			support.button("Revoke licence").click();
			assertThat(support.page().locator(".govuk-error-summary")).containsText("Enter the reason for revoking the licence");
			assertThat(support.page().locator("#reason-error")).containsText("Enter the reason for revoking the licence");
			support.look("support-licence-revoke-error");

			support.field("Reason for revoking").fill("The card payment of the order was charged back.");
			support.button("Revoke licence").click();
			assertThat(support.page().locator(".govuk-notification-banner")).containsText("The licence is revoked");
			assertThat(support.page().locator("#revocation-reason")).hasText("The card payment of the order was charged back.");
			support.look("support-licence-revoked");

			customer.open("/licenses/" + license);
			assertThat(customer.page().locator("#revoked"))
				.containsText("Our support team revoked this licence on");
			assertThat(customer.page().locator("#revoked")).containsText("The card payment of the order was charged back.");
			assertThat(customer.page().locator("main .portal-status").first()).hasText("Revoked");
			customer.look("licence-revoked");

			support.button("Reinstate licence").click();
			assertThat(support.page().locator(".govuk-notification-banner")).containsText("The licence is reinstated");
			customer.page().reload();
			assertThat(customer.page().locator("#revoked")).hasCount(0);
		}
	}

	@Test
	void aPendingInvitationIsResentThenWithdrawn() {
		User wes = Keycloak.customer("wes", "Wes", "Weber");
		UUID organization = createOrganization(wes, "Weber Works");
		String invitee = "nico-" + Keycloak.RUN + "@example.com";
		wes.post("/api/organizations/" + organization + "/invitations", Map.of("email", invitee)).expect(201);

		try (Portal portal = Portal.browser("wes").signIn(wes)) {
			portal.open("/account/users");
			portal.look("users-pending-invitation");
			portal.button("Resend the invitation to " + invitee).click();
			assertThat(portal.page().locator(".govuk-notification-banner"))
				.containsText("We have sent a new invitation to " + invitee + ". The link in the earlier mail no longer works.");
			assertThat(portal.page().locator("main")).containsText(invitee);
			portal.look("users-invitation-resent");

			portal.button("Withdraw the invitation to " + invitee).click();
			assertThat(portal.page().locator(".govuk-notification-banner"))
				.containsText("The invitation is withdrawn: its link no longer lets anyone join.");
			assertThat(portal.page().locator("main")).containsText("No invitation is pending.");
		}
	}

	@Test
	void anOrderNeverPaidByWireTransferShowsThatItExpired() {
		Reply clock = sam.get("/api/orders/test-clock");
		LocalSuite.require(clock.status() == 200, "order-service runs without its test clock "
				+ "(PORTAL_TESTCLOCK_ENABLED=true): GET /api/orders/test-clock answered " + clock.status());
		User xan = Keycloak.customer("xan", "Xan", "Xu");
		UUID organization = createOrganization(xan, "Xu Xylography");
		String orderId;
		try {
			sam.put("/api/orders/test-clock", Map.of("offset", "-P31D")).expect(200);
			orderId = order(xan, quote(xan, organization, List.of(line("BARCODE-READER", "ANNUAL", 1))), "WIRE_TRANSFER")
				.path("id")
				.asString();
		}
		finally {
			sam.put("/api/orders/test-clock", Map.of("offset", "PT0S")).expect(200);
		}
		await("the order to expire").atMost(Endpoints.EVENTUAL).pollInterval(Duration.ofSeconds(1))
			.until(() -> "CANCELLED".equals(xan.get("/api/orders/" + orderId).expect(200).json().path("status").asString()));

		try (Portal portal = Portal.browser("xan").signIn(xan)) {
			portal.open("/orders/" + orderId);
			assertThat(portal.page().locator("#order-expired"))
				.containsText("because the wire transfer or check did not reach us in time");
			assertThat(portal.button("Cancel order")).hasCount(0);
			portal.look("order-expired");
		}
	}

}
