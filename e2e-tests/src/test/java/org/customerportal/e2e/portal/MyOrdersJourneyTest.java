package org.customerportal.e2e.portal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.line;
import static org.customerportal.e2e.support.Steps.order;
import static org.customerportal.e2e.support.Steps.quote;

/** Order > My Orders: Alice's paid and unpaid orders, and the status filter that shows only one kind. */
@EndToEndTest
class MyOrdersJourneyTest {

	private final User alice = Keycloak.customer("alice", "Alice", "Anderson");

	@Test
	void theStatusFilterShowsOnlyMatchingOrders() {
		UUID organization = createOrganization(alice, "Anderson Imaging");
		String paid = paidByWireTransfer(organization);
		String unpaid = order(alice, quote(alice, organization, List.of(line("LABEL-RECOGNIZER", "ANNUAL", 1))), "CHECK")
			.path("id")
			.asString();

		try (Portal browser = Portal.browser("alice")) {
			browser.signIn(alice);
			browser.link("My Orders").click();
			assertThat(browser.heading()).hasText("My Orders");
			assertThat(browser.link(reference(paid))).isVisible();
			assertThat(browser.link(reference(unpaid))).isVisible();
			browser.look("my-orders");

			browser.field("Status").selectOption("Paid");
			browser.button("Apply").click();
			assertThat(browser.link(reference(unpaid))).hasCount(0);
			assertThat(browser.link(reference(paid))).isVisible();
			assertThat(browser.page().locator("main tbody")).not().containsText("Awaiting payment");

			browser.field("Status").selectOption("Awaiting payment");
			browser.button("Apply").click();
			assertThat(browser.link(reference(paid))).hasCount(0);
			assertThat(browser.link(reference(unpaid))).isVisible();

			// the filter is in the address: a reload or a shared link shows the same list
			browser.page().reload();
			assertThat(browser.field("Status")).hasValue("PENDING_PAYMENT");
			assertThat(browser.link(reference(paid))).hasCount(0);
		}
	}

	/** An order Alice pays by wire transfer and support marks paid when the money arrives. */
	private String paidByWireTransfer(UUID organization) {
		String orderId = order(alice, quote(alice, organization, List.of(line("MRZ-SCANNER", "ANNUAL", 3))), "WIRE_TRANSFER")
			.path("id")
			.asString();
		String paymentId = alice.post("/api/orders/" + orderId + "/payments", Map.of("method", "WIRE_TRANSFER"))
			.expect(201)
			.json()
			.path("id")
			.asString();
		Keycloak.support().post("/api/orders/" + orderId + "/payments/" + paymentId + "/confirm", null).expect(200);
		return orderId;
	}

	private static String reference(String orderId) {
		return orderId.substring(0, 8).toUpperCase();
	}

}
