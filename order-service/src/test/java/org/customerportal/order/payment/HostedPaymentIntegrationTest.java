package org.customerportal.order.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.customerportal.order.OrderIntegrationTestSupport;
import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Card and PayPal payments on the provider's hosted page (the simulated provider's test page): card data
 * is refused, the browser returns only to the portal, an abandoned page does not lock the order, and
 * the provider's signed notifications are verified, applied once and tolerated out of order. Refunds.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostedPaymentIntegrationTest extends OrderIntegrationTestSupport {

	private static final String LINE = "[{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":1}]";

	private static final String WEBHOOK = "/api/payments/webhooks/simulated";

	@Test
	void cardDetailsAreRefusedNamingTheField() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();

		mvc.perform(pay(orderId, buyer, """
				{"method":"CREDIT_CARD","card":{"number":"4242424242424242","expiryMonth":12,"expiryYear":2099,"cvc":"123"}}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("card"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers
				.startsWith("is not accepted: card details are entered on the payment provider's page")));
		assertThat(payments(orderId)).isZero();
	}

	@Test
	void theBrowserReturnsOnlyToThePortal() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();

		for (String elsewhere : new String[] { "https://evil.example/orders", "https://portal.example.test.evil.example/x",
				"https://user@portal.example.test/orders", "http://portal.example.test/orders", "javascript:alert(1)",
				"/orders/1", "https://shop.example.test/orders" }) {
			mvc.perform(pay(orderId, buyer, "{\"method\":\"CREDIT_CARD\",\"returnUrl\":\"" + elsewhere + "\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("returnUrl"))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
						"returnUrl must be an address of the customer portal, starting with https://portal.example.test")));
		}
		assertThat(payments(orderId)).isZero();

		// another configured origin, with a query of its own
		JsonNode payment = json(mvc
			.perform(pay(orderId, buyer,
					"{\"method\":\"PAYPAL\",\"returnUrl\":\"https://shop.example.test:8443/checkout/done?order=7#top\"}"))
			.andExpect(status().isCreated())
			.andReturn());
		assertThat(onTestPaymentPage(payment, "declined"))
			.isEqualTo("https://shop.example.test:8443/checkout/done?order=7&payment=declined#top");
	}

	@Test
	void theTestPaymentPageIsPlainAccessibleHtmlUnderAStrictPolicy() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		JsonNode payment = startCardPayment(orderId, buyer);
		String page = "/api/payments/simulated/" + payment.get("id").asString();

		// public, like a provider's page: no token
		MockHttpServletResponse response = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse();
		String html = response.getContentAsString();
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(html).contains("<html lang=\"en\" class=\"govuk-template\">", "<title>Test payment - Customer Portal</title>",
				"<h1 class=\"govuk-heading-l\">Test payment</h1>", "Test payment page — no money moves", "<dd class=\"govuk-summary-list__value\">1249.00 USD</dd>",
				"<dd class=\"govuk-summary-list__value\">ORD-" + orderId.substring(0, 8).toUpperCase() + "</dd>",
				"<link rel=\"stylesheet\" href=\"" + PORTAL + "/assets/css/portal.css\">", "<button type=\"submit\" class=\"govuk-button\">Pay</button>",
				"<button type=\"submit\" class=\"govuk-button govuk-button--secondary\">Decline</button>", "<input type=\"hidden\" name=\"outcome\" value=\"succeeded\">",
				"<input type=\"hidden\" name=\"outcome\" value=\"declined\">");
		assertThat(html).doesNotContain("<script", "style=", "<style");
		assertThat(response.getHeader("Content-Security-Policy")).startsWith("default-src 'none'; style-src " + PORTAL + ";")
			.contains("form-action 'self' " + PORTAL + ";")
			.doesNotContain("unsafe");

		mvc.perform(get("/api/payments/simulated/" + UUID.randomUUID())).andExpect(status().isNotFound());
		clickOnPage(payment, "maybe").andExpect(status().isBadRequest());
	}

	@Test
	void payingAgainReplacesAPaymentLeftUnfinishedOnTheProvidersPage() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		JsonNode abandoned = startCardPayment(orderId, buyer);

		JsonNode paypal = json(mvc.perform(pay(orderId, buyer, "{\"method\":\"PAYPAL\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andReturn());
		paymentsOf(orderId, buyer)
			.andExpect(jsonPath("$.items[0].id").value(abandoned.get("id").asString()))
			.andExpect(jsonPath("$.items[0].status").value("CANCELLED"))
			.andExpect(jsonPath("$.items[0].redirectUrl").doesNotExist())
			.andExpect(jsonPath("$.items[1].status").value("PENDING"));

		// the abandoned page can no longer be paid
		String oldPage = "/api/payments/simulated/" + abandoned.get("id").asString();
		assertThat(mvc.perform(get(oldPage)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains("This payment is no longer open").doesNotContain("<button");
		clickOnPage(abandoned, "succeeded").andExpect(status().isConflict());

		onTestPaymentPage(paypal, "succeeded");
		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("PAID"))
			.andExpect(jsonPath("$.paymentMethod").value("PAYPAL"));
	}

	@Test
	void aNotificationThatDoesNotVerifyChangesNothing() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		JsonNode payment = startCardPayment(orderId, buyer);
		String succeeded = event("payment.succeeded", payment);
		Instant now = Instant.now(clock);

		notify(succeeded, SignedPayloads.sign(succeeded, "not-the-secret", now)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The notification could not be verified")));
		notify(succeeded, null).andExpect(status().isBadRequest());
		notify(succeeded.replace("payment.succeeded", "payment.declined"), signed(succeeded, now))
			.andExpect(status().isBadRequest());
		// a replay of a notification signed more than five minutes ago
		notify(succeeded, signed(succeeded, now.minus(Duration.ofMinutes(6)))).andExpect(status().isBadRequest());
		// another provider's path
		mvc.perform(post("/api/payments/webhooks/stripe").contentType(MediaType.APPLICATION_JSON)
			.content(succeeded)
			.header(SimulatedPaymentProvider.SIGNATURE_HEADER, signed(succeeded, now)))
			.andExpect(status().isNotFound());

		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("PENDING_PAYMENT"));
		paymentsOf(orderId, buyer)
			.andExpect(jsonPath("$.items[0].status").value("PENDING"));
		assertThat(appliedEvents(payment)).isZero();
	}

	@Test
	void aRepeatedNotificationIsAppliedOnceAndAFailureAfterTheSuccessChangesNothing() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		JsonNode payment = startCardPayment(orderId, buyer);
		String succeeded = event("payment.succeeded", payment);

		for (int i = 0; i < 3; i++) {
			notify(succeeded, signed(succeeded, Instant.now(clock))).andExpect(status().isNoContent());
		}
		String declinedLate = event("payment.declined", payment);
		notify(declinedLate, signed(declinedLate, Instant.now(clock))).andExpect(status().isNoContent());

		paymentsOf(orderId, buyer)
			.andExpect(jsonPath("$.items[0].status").value("SUCCEEDED"));
		ORDER_EVENTS.awaitOne("portal.order.paid.v1", orderId);
		assertThat(orderEvents(orderId)).extracting(TopicReader.Message::type).containsOnlyOnce("portal.order.paid.v1");
		assertThat(appliedEvents(payment)).isEqualTo(2);
	}

	@Test
	void theMoneyOfAReplacedPageStillPaysTheOrderWhileItWaitsAndIsLoggedForARefundOnceItIsPaid(CapturedOutput output)
			throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		JsonNode first = startCardPayment(orderId, buyer);
		JsonNode second = startCardPayment(orderId, buyer);
		JsonNode third = startCardPayment(orderId, buyer);

		// the first page, left open in another tab, was paid after all: the order is paid by it
		String firstPaid = event("payment.succeeded", first);
		notify(firstPaid, signed(firstPaid, Instant.now(clock))).andExpect(status().isNoContent());
		paymentsOf(orderId, buyer)
			.andExpect(jsonPath("$.items[0].status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.items[1].status").value("CANCELLED"))
			.andExpect(jsonPath("$.items[2].status").value("CANCELLED"));
		JsonNode paid = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.paid.v1", orderId));
		assertThat(paid.get("paymentId").asString()).isEqualTo(first.get("id").asString());

		// the second was paid too: nothing changes, and support hears about the money to give back
		String secondPaid = event("payment.succeeded", second);
		notify(secondPaid, signed(secondPaid, Instant.now(clock))).andExpect(status().isNoContent());
		paymentsOf(orderId, buyer)
			.andExpect(jsonPath("$.items[1].status").value("CANCELLED"));
		assertThat(output).contains("The payment provider took the money of payment " + second.get("id").asString())
			.contains("Refund it at the payment provider");
		assertThat(orderEvents(orderId)).extracting(TopicReader.Message::type).containsOnlyOnce("portal.order.paid.v1");
	}

	@Test
	void aCancelledOrdersOpenPageIsVoid() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		JsonNode payment = startCardPayment(orderId, buyer);

		mvc.perform(post("/api/orders/" + orderId + "/cancel").header("Authorization", buyer.bearer()))
			.andExpect(status().isOk());
		clickOnPage(payment, "succeeded").andExpect(status().isConflict());
		paymentsOf(orderId, buyer)
			.andExpect(jsonPath("$.items[0].status").value("CANCELLED"));
	}

	@Test
	void supportRefundsASettledPaymentOnce() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		JsonNode payment = payByCardOnTestPage(orderId, buyer);
		String refund = "/api/orders/" + orderId + "/payments/" + payment.get("id").asString() + "/refund";

		mvc.perform(post(refund).header("Authorization", buyer.bearer())).andExpect(status().isForbidden());
		String support = supportBearer();
		JsonNode refunded = json(mvc.perform(post(refund).header("Authorization", support))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REFUNDED"))
			.andReturn());
		assertThat(refunded.get("refundedAt").isString()).isTrue();
		mvc.perform(post(refund).header("Authorization", support))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.refundedAt").value(refunded.get("refundedAt").asString()));
		assertThat(jdbc.sql("select refund_reference from payment where id = ?::uuid")
			.param(payment.get("id").asString())
			.query(String.class)
			.single()).isEqualTo("SIM-REFUND-" + payment.get("id").asString());
		// the order stays paid; its licences are support's to revoke
		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("PAID"));

		// nothing to refund while a payment has not been made
		String otherOrder = placeOrder(buyer, LINE).get("id").asString();
		JsonNode pending = startCardPayment(otherOrder, buyer);
		mvc.perform(post("/api/orders/" + otherOrder + "/payments/" + pending.get("id").asString() + "/refund")
			.header("Authorization", support))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("This payment has not been made yet")));
		mvc.perform(post("/api/orders/" + orderId + "/payments/" + UUID.randomUUID() + "/refund")
			.header("Authorization", support)).andExpect(status().isNotFound());
	}

	private ResultActions paymentsOf(String orderId, Person person) throws Exception {
		return mvc.perform(get("/api/orders/" + orderId + "/payments").header("Authorization", person.bearer()));
	}

	private ResultActions clickOnPage(JsonNode payment, String outcome) throws Exception {
		return mvc.perform(post("/api/payments/simulated/" + payment.get("id").asString())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("outcome", outcome));
	}

	private ResultActions notify(String payload, String signature) throws Exception {
		var request = post(WEBHOOK).contentType(MediaType.APPLICATION_JSON).content(payload);
		if (signature != null) {
			request.header(SimulatedPaymentProvider.SIGNATURE_HEADER, signature);
		}
		return mvc.perform(request);
	}

	private static String event(String type, JsonNode payment) {
		return JSON.writeValueAsString(JSON.createObjectNode()
			.put("id", "evt_test_" + UUID.randomUUID())
			.put("type", type)
			.put("paymentId", payment.get("id").asString()));
	}

	private static String signed(String payload, Instant at) {
		return SignedPayloads.sign(payload, SimulatedPaymentProvider.LOCAL_ONLY_SECRET, at);
	}

	private long payments(String orderId) {
		return jdbc.sql("select count(*) from payment where order_id = ?::uuid").param(orderId).query(Long.class).single();
	}

	private long appliedEvents(JsonNode payment) {
		return jdbc.sql("select count(*) from payment_provider_event where payment_id = ?::uuid")
			.param(payment.get("id").asString())
			.query(Long.class)
			.single();
	}

}
