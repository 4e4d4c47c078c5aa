package org.customerportal.order.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.customerportal.order.OrderIntegrationTestSupport;
import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The service with {@code portal.order.payments.provider=stripe}, Stripe's HTTP API stubbed at the boundary
 * and its webhook events signed as Stripe signs them.
 */
@TestPropertySource(properties = { "portal.order.payments.provider=stripe",
		"portal.order.payments.stripe.secret-key=" + StripeStub.SECRET_KEY,
		"portal.order.payments.stripe.webhook-secret=" + StripeStub.WEBHOOK_SECRET,
		// the Stripe client's first call loads a lot; a busy test machine needs more than the 2 s of the others
		"resilience4j.timelimiter.instances.payment-provider.timeout-duration=15s" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StripeIntegrationTest extends OrderIntegrationTestSupport {

	private static final StripeStub STRIPE = new StripeStub();

	private static final String LINE = "[{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":2}]";

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		registry.add("portal.order.payments.stripe.api-base", STRIPE::url);
	}

	@BeforeEach
	void answering() {
		STRIPE.answering();
	}

	@AfterAll
	static void stop() {
		STRIPE.stop();
	}

	@Test
	void aCardPaymentOpensACheckoutSessionAndStripesWebhookPaysTheOrderOnce() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();

		JsonNode payment = json(mvc.perform(payByCard(orderId, buyer)).andExpect(status().isCreated()).andReturn());
		UUID paymentId = id(payment);
		assertThat(payment.get("status").asString()).isEqualTo("PENDING");
		assertThat(payment.get("redirectUrl").asString()).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_" + paymentId);
		assertThat(STRIPE.sessionCalls()).singleElement()
			.satisfies(call -> assertThat(call.getHeader("Idempotency-Key")).isEqualTo(paymentId.toString()));
		assertThat(STRIPE.sessionRequests().get(0)).contains("line_items[0][price_data][unit_amount]=249800",
				"line_items[0][price_data][currency]=usd", "client_reference_id=" + paymentId,
				"success_url=" + PORTAL + "/orders/" + orderId + "?payment=succeeded");

		String completed = StripeStub.event("checkout.session.completed", paymentId, "paid");
		webhook(completed, Instant.now(clock)).andExpect(status().isNoContent());
		// Stripe delivers at least once: the same event again changes nothing
		webhook(completed, Instant.now(clock)).andExpect(status().isNoContent());

		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("PAID"));
		JsonNode paid = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.paid.v1", orderId));
		assertThat(paid.get("paymentId").asString()).isEqualTo(paymentId.toString());
		assertThat(orderEvents(orderId)).extracting(TopicReader.Message::type).containsOnlyOnce("portal.order.paid.v1");

		// support refunds it through Stripe, naming the payment intent the webhook reported
		String support = supportBearer();
		String refund = "/api/orders/" + orderId + "/payments/" + paymentId + "/refund";
		mvc.perform(post(refund).header("Authorization", support)).andExpect(jsonPath("$.status").value("REFUNDED"));
		mvc.perform(post(refund).header("Authorization", support)).andExpect(jsonPath("$.status").value("REFUNDED"));
		assertThat(STRIPE.refundCalls()).singleElement()
			.satisfies(call -> assertThat(call.getHeader("Idempotency-Key")).isEqualTo("refund-" + paymentId));
		assertThat(STRIPE.refundRequests().get(0)).contains("payment_intent=pi_test_" + paymentId.toString().substring(0, 8));
	}

	@Test
	void aWebhookWhoseSignatureFailsChangesNothing() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		UUID paymentId = id(json(mvc.perform(payByCard(orderId, buyer)).andExpect(status().isCreated()).andReturn()));
		String completed = StripeStub.event("checkout.session.completed", paymentId, "paid");

		mvc.perform(post("/api/payments/webhooks/stripe").contentType(MediaType.APPLICATION_JSON)
			.content(completed)
			.header("Stripe-Signature", SignedPayloads.sign(completed, "whsec_forged", Instant.now(clock))))
			.andExpect(status().isBadRequest());
		webhook(completed, Instant.now(clock).minus(Duration.ofMinutes(10))).andExpect(status().isBadRequest());
		webhook(completed.replace("\"paid\"", "\"unpaid\""), Instant.now(clock)).andExpect(status().isNoContent());

		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("PENDING_PAYMENT"));
		mvc.perform(get("/api/orders/" + orderId + "/payments").header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.items[0].status").value("PENDING"));
	}

	@Test
	void outOfOrderWebhooksSettleThePaymentOnceAndALateFailureChangesNothing() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		UUID paymentId = id(json(mvc.perform(pay(orderId, buyer, "{\"method\":\"PAYPAL\"}"))
			.andExpect(status().isCreated())
			.andReturn()));
		assertThat(STRIPE.sessionRequests().get(0)).contains("payment_method_types[0]=paypal");

		// the money arrives before the session's completion is reported
		webhook(StripeStub.event("checkout.session.async_payment_succeeded", paymentId, "paid"), Instant.now(clock))
			.andExpect(status().isNoContent());
		webhook(StripeStub.event("checkout.session.completed", paymentId, "unpaid"), Instant.now(clock))
			.andExpect(status().isNoContent());
		webhook(StripeStub.event("checkout.session.async_payment_failed", paymentId, "unpaid"), Instant.now(clock))
			.andExpect(status().isNoContent());
		webhook(StripeStub.event("checkout.session.expired", paymentId, "unpaid"), Instant.now(clock))
			.andExpect(status().isNoContent());

		mvc.perform(get("/api/orders/" + orderId + "/payments").header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.items[0].status").value("SUCCEEDED"));
		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("PAID"))
			.andExpect(jsonPath("$.paymentMethod").value("PAYPAL"));
		ORDER_EVENTS.awaitOne("portal.order.paid.v1", orderId);
		assertThat(orderEvents(orderId)).extracting(TopicReader.Message::type).containsOnlyOnce("portal.order.paid.v1");
	}

	@Test
	void anExpiredSessionLeavesTheOrderToBePaidAgainAndPayingAgainClosesAnOpenOne() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		UUID expired = id(json(mvc.perform(payByCard(orderId, buyer)).andExpect(status().isCreated()).andReturn()));
		webhook(StripeStub.event("checkout.session.expired", expired, "unpaid"), Instant.now(clock))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/orders/" + orderId + "/payments").header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.totalItems").value(0));

		UUID open = id(json(mvc.perform(payByCard(orderId, buyer)).andExpect(status().isCreated()).andReturn()));
		mvc.perform(payByCard(orderId, buyer)).andExpect(status().isCreated());
		assertThat(STRIPE.sessionCalls()).hasSize(3);
		assertThat(STRIPE.expireCalls()).singleElement()
			.satisfies(call -> assertThat(call.getUrl()).isEqualTo("/v1/checkout/sessions/cs_test_" + open + "/expire"));
	}

	@Test
	void whileStripeIsDownPaymentsAnswer503AndNothingIsCharged() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		STRIPE.down();

		mvc.perform(payByCard(orderId, buyer))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value(Payments.DELAYED));
		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("PENDING_PAYMENT"));
		assertThat(jdbc.sql("select count(*) from payment where order_id = ?::uuid and redirect_url is null and status = 'PENDING'")
			.param(orderId)
			.query(Long.class)
			.single()).as("in flight, to be asked about again").isEqualTo(1);

		// a wire transfer never needs Stripe
		String wireOrder = placeOrder(buyer, LINE).get("id").asString();
		mvc.perform(pay(wireOrder, buyer, "{\"method\":\"WIRE_TRANSFER\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.instructions").value(org.hamcrest.Matchers.startsWith("Transfer 2498.00 USD")));
		// and there is no test payment page
		mvc.perform(get("/api/payments/simulated/" + UUID.randomUUID())).andExpect(status().isNotFound());
	}

	private ResultActions webhook(String payload, Instant signedAt) throws Exception {
		return mvc.perform(post("/api/payments/webhooks/stripe").contentType(MediaType.APPLICATION_JSON)
			.content(payload)
			.header("Stripe-Signature", StripeStub.signature(payload, signedAt)));
	}

}
