package org.customerportal.e2e.journeys;

import java.util.List;
import java.util.Map;
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
import static org.customerportal.e2e.support.Steps.licensesOfOrder;
import static org.customerportal.e2e.support.Steps.line;
import static org.customerportal.e2e.support.Steps.order;
import static org.customerportal.e2e.support.Steps.quote;

/**
 * Journey 7: an order paid by wire transfer stays pending, with payment instructions by e-mail, until
 * support confirms the money arrived; the customer cannot confirm it; then the licence is issued.
 */
@EndToEndTest
@Order(7)
class WireTransferJourneyTest {

	private final User ivy = Keycloak.customer("ivy", "Ivy", "Ito");

	private final User support = Keycloak.support();

	@Test
	void aWireTransferWaitsForSupport() {
		UUID organization = createOrganization(ivy, "Ito Instruments");
		JsonNode order = order(ivy, quote(ivy, organization, List.of(line("DOCUMENT-SCANNER", "ANNUAL", 1))), "WIRE_TRANSFER");
		String orderId = order.path("id").asString();

		JsonNode payment = ivy.post("/api/orders/" + orderId + "/payments", Map.of("method", "WIRE_TRANSFER"))
			.expect(201)
			.json();
		assertThat(payment.path("status").asString()).isEqualTo("PENDING");
		assertThat(payment.path("instructions").asString()).isNotBlank();
		String paymentId = payment.path("id").asString();
		assertThat(ivy.get("/api/orders/" + orderId).expect(200).json().path("status").asString())
			.isEqualTo("PENDING_PAYMENT");
		MailCatcher.awaitMail(ivy.email(), "How to pay your order " + orderId + " by wire transfer");

		String confirm = "/api/orders/" + orderId + "/payments/" + paymentId + "/confirm";
		ivy.post(confirm, null).expect(403);
		assertThat(ivy.get("/api/orders/" + orderId).expect(200).json().path("status").asString())
			.isEqualTo("PENDING_PAYMENT");
		assertThat(licensesOfOrder(ivy.get("/api/licenses?size=100").expect(200).json(), orderId)).isEmpty();

		JsonNode confirmed = support.post(confirm, null).expect(200).json();
		assertThat(confirmed.path("status").asString()).isEqualTo("SUCCEEDED");
		JsonNode paid = ivy.get("/api/orders/" + orderId).expect(200).json();
		assertThat(paid.path("status").asString()).isEqualTo("PAID");
		assertThat(paid.path("paymentMethod").asString()).isEqualTo("WIRE_TRANSFER");
		assertThat(awaitLicenses(ivy, orderId, 1).get(0).path("product").asString()).isEqualTo("DOCUMENT-SCANNER");
		MailCatcher.awaitMail(ivy.email(), "Receipt for your order " + orderId);
	}

}
