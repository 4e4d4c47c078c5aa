package org.customerportal.e2e.journeys;

import java.util.List;
import java.util.UUID;

import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.MailCatcher;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportal.e2e.support.Steps.awaitLicenses;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.join;
import static org.customerportal.e2e.support.Steps.line;
import static org.customerportal.e2e.support.Steps.licensesOfOrder;
import static org.customerportal.e2e.support.Steps.order;
import static org.customerportal.e2e.support.Steps.payByCard;
import static org.customerportal.e2e.support.Steps.quote;
import static org.customerportal.e2e.support.Steps.signIn;

/**
 * Journey 1: Alice creates her organisation and invites Bob, who accepts from the invitation e-mail;
 * Alice requests a quote, orders it and pays by card on the payment provider's page; the licence is in
 * Alice's "Full License" list and not in Bob's, since only order contacts see an order's licences.
 */
@EndToEndTest
@Order(1)
class PurchaseJourneyTest {

	private final User alice = Keycloak.customer("alice", "Alice", "Anderson");

	private final User bob = Keycloak.customer("bob", "Bob", "Brown");

	@Test
	void aliceBuysALicenseThatOnlyHerOrdersContactsSee() {
		UUID organization = createOrganization(alice, "Anderson Imaging");
		JsonNode aliceMe = signIn(alice);
		assertThat(aliceMe.path("organizationId").asString()).isEqualTo(organization.toString());
		assertThat(aliceMe.path("primaryContact").asBoolean()).isTrue();

		join(bob, organization, alice);
		JsonNode bobMe = signIn(bob);
		assertThat(bobMe.path("organizationId").asString()).isEqualTo(organization.toString());
		assertThat(bobMe.path("primaryContact").asBoolean()).isFalse();
		assertThat(alice.get("/api/organizations/" + organization + "/users").expect(200).json().path("totalItems").asInt())
			.isEqualTo(2);

		JsonNode quote = quote(alice, organization, List.of(line("BARCODE-READER", "ANNUAL", 2)));
		assertThat(quote.path("total").path("amount").asString()).isEqualTo("2498.00");
		assertThat(quote.path("total").path("currency").asString()).isEqualTo("USD");

		JsonNode order = order(alice, quote, "CREDIT_CARD");
		String orderId = order.path("id").asString();
		assertThat(order.path("type").asString()).isEqualTo("NEW_PURCHASE");
		assertThat(order.path("status").asString()).isEqualTo("PENDING_PAYMENT");
		assertThat(order.path("contacts").findValuesAsString("email")).containsExactly(alice.email());

		payByCard(alice, orderId);
		assertThat(alice.get("/api/orders/" + orderId).expect(200).json().path("status").asString()).isEqualTo("PAID");

		JsonNode license = awaitLicenses(alice, orderId, 1).get(0);
		assertThat(license.path("product").asString()).isEqualTo("BARCODE-READER");
		assertThat(license.path("type").asString()).isEqualTo("ANNUAL");
		assertThat(license.path("quota").asInt()).isEqualTo(2);
		assertThat(license.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(license.path("organizationId").asString()).isEqualTo(organization.toString());
		assertThat(license.path("key").asString()).isNotBlank();

		assertThat(licensesOfOrder(bob.get("/api/licenses?size=100").expect(200).json(), orderId)).isEmpty();
		bob.get("/api/licenses/" + license.path("id").asString()).expect(404);
		bob.get("/api/orders/" + orderId).expect(404);

		MailCatcher.awaitMail(alice.email(), "Receipt for your order " + orderId);
	}

}
