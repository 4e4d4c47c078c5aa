package org.customerportal.order.payment;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;
import org.customerportal.order.payment.PaymentProvider.AwaitingConfirmation;
import org.customerportal.order.payment.PaymentProvider.Declined;
import org.customerportal.order.payment.PaymentProvider.InvalidNotificationException;
import org.customerportal.order.payment.PaymentProvider.Notification;
import org.customerportal.order.payment.PaymentProvider.Outcome;
import org.customerportal.order.payment.PaymentProvider.Redirect;
import org.customerportal.order.payment.PaymentProvider.Refunded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Stripe adapter against Stripe's HTTP API stubbed at the boundary. */
class StripePaymentProviderTest {

	private static final StripeStub STRIPE = new StripeStub();

	private static final Instant NOW = Instant.now();

	private final StripePaymentProvider provider = provider(Clock.fixed(NOW, ZoneOffset.UTC));

	@BeforeEach
	void answering() {
		STRIPE.answering();
	}

	@AfterAll
	static void stop() {
		STRIPE.stop();
	}

	@Test
	void aCardPaymentOpensACheckoutSessionForTheOrdersAmountUnderThePaymentId() {
		UUID paymentId = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		Instant expiresAt = NOW.plus(Duration.ofHours(1));

		PaymentProvider.Result result = provider.start(new PaymentProvider.Start(paymentId, orderId,
				Money.of("1249.00", "USD"), PaymentMethod.CREDIT_CARD,
				URI.create("https://portal.example.test/orders/" + orderId), expiresAt));

		assertThat(result).isEqualTo(new Redirect("cs_test_" + paymentId,
				URI.create("https://checkout.stripe.com/c/pay/cs_test_" + paymentId)));
		assertThat(STRIPE.sessionCalls()).singleElement().satisfies(call -> {
			assertThat(call.getHeader("Idempotency-Key")).isEqualTo(paymentId.toString());
			assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + StripeStub.SECRET_KEY);
		});
		assertThat(STRIPE.sessionRequests().get(0)).contains("mode=payment", "client_reference_id=" + paymentId,
				"metadata[payment_id]=" + paymentId, "metadata[order_id]=" + orderId,
				"payment_intent_data[metadata][payment_id]=" + paymentId, "payment_method_types[0]=card",
				"line_items[0][quantity]=1", "line_items[0][price_data][currency]=usd",
				"line_items[0][price_data][unit_amount]=124900",
				"success_url=https://portal.example.test/orders/" + orderId + "?payment=succeeded",
				"cancel_url=https://portal.example.test/orders/" + orderId + "?payment=cancelled",
				"expires_at=" + expiresAt.getEpochSecond());
	}

	@Test
	void paypalIsAskedForByItsPaymentMethodTypeAndWireTransfersNeverReachStripe() {
		provider.start(start(PaymentMethod.PAYPAL));
		assertThat(STRIPE.sessionRequests().get(0)).contains("payment_method_types[0]=paypal");

		assertThat(provider.start(start(PaymentMethod.WIRE_TRANSFER))).isInstanceOf(AwaitingConfirmation.class);
		assertThat(STRIPE.sessionCalls()).hasSize(1);
	}

	@Test
	void aRequestStripeRefusesIsARefusalAndStripeDownIsAFailure() {
		STRIPE.refusing();
		assertThat(provider.start(start(PaymentMethod.CREDIT_CARD))).isEqualTo(new Declined(StripePaymentProvider.REFUSED));

		STRIPE.down();
		assertThatThrownBy(() -> provider.start(start(PaymentMethod.CREDIT_CARD)))
			.isInstanceOf(StripePaymentProvider.ProviderFailure.class);
		assertThatThrownBy(() -> provider.refund(new PaymentProvider.Refund(UUID.randomUUID(), "pi_1", Money.of("1", "USD"))))
			.isInstanceOf(StripePaymentProvider.ProviderFailure.class);
	}

	@Test
	void aRefundNamesThePaymentIntentUnderItsOwnIdempotencyKey() {
		UUID paymentId = UUID.randomUUID();
		assertThat(provider.refund(new PaymentProvider.Refund(paymentId, "pi_test_1", Money.of("1249.00", "USD"))))
			.isEqualTo(new Refunded("re_test_1"));
		assertThat(STRIPE.refundCalls()).singleElement()
			.satisfies(call -> assertThat(call.getHeader("Idempotency-Key")).isEqualTo("refund-" + paymentId));
		assertThat(STRIPE.refundRequests().get(0)).contains("payment_intent=pi_test_1");
	}

	@Test
	void checkoutSessionEventsSayWhatBecameOfThePayment() {
		UUID paymentId = UUID.randomUUID();
		assertThat(verify(StripeStub.event("checkout.session.completed", paymentId, "paid")))
			.extracting(Notification::paymentId, Notification::outcome, Notification::reference)
			.containsExactly(paymentId, Outcome.SUCCEEDED, "pi_test_" + paymentId.toString().substring(0, 8));
		assertThat(verify(StripeStub.event("checkout.session.completed", paymentId, "unpaid")).outcome())
			.as("paid later by a delayed method").isEqualTo(Outcome.IGNORED);
		assertThat(verify(StripeStub.event("checkout.session.async_payment_succeeded", paymentId, "paid")).outcome())
			.isEqualTo(Outcome.SUCCEEDED);
		assertThat(verify(StripeStub.event("checkout.session.async_payment_failed", paymentId, "unpaid")))
			.extracting(Notification::outcome, Notification::reason)
			.containsExactly(Outcome.FAILED, StripePaymentProvider.FAILED);
		assertThat(verify(StripeStub.event("checkout.session.expired", paymentId, "unpaid")))
			.extracting(Notification::outcome, Notification::reason)
			.containsExactly(Outcome.FAILED, StripePaymentProvider.EXPIRED);
		assertThat(verify(StripeStub.event("payment_intent.created", paymentId, "unpaid")).outcome())
			.isEqualTo(Outcome.IGNORED);
	}

	@Test
	void anEventNotSignedWithTheEndpointsSecretOrTooOldIsRefused() {
		String event = StripeStub.event("checkout.session.completed", UUID.randomUUID(), "paid");
		HttpHeaders forged = new HttpHeaders();
		forged.set("Stripe-Signature", SignedPayloads.sign(event, "whsec_someone_else", NOW));
		assertThatThrownBy(() -> provider.verify(event, forged)).isInstanceOf(InvalidNotificationException.class);
		assertThatThrownBy(() -> provider.verify(event, new HttpHeaders())).isInstanceOf(InvalidNotificationException.class);
		HttpHeaders altered = headers(event, NOW);
		assertThatThrownBy(() -> provider.verify(event.replace("\"paid\"", "\"unpaid\""), altered))
			.isInstanceOf(InvalidNotificationException.class);
		assertThatThrownBy(() -> provider.verify(event, headers(event, NOW.minus(Duration.ofMinutes(6)))))
			.isInstanceOf(InvalidNotificationException.class);
		assertThat(provider.verify(event, headers(event, NOW.minus(Duration.ofMinutes(4)))).outcome())
			.isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void withoutItsKeysTheServiceDoesNotStart() {
		assertThatThrownBy(() -> new StripePaymentProvider(properties(null), new JsonMapper(), Clock.systemUTC()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("portal.order.payments.stripe.secret-key (PORTAL_ORDER_PAYMENTS_STRIPE_SECRETKEY)");
	}

	@Test
	void amountsAreInTheCurrencysSmallestUnit() {
		assertThat(StripePaymentProvider.minorUnits(Money.of("10497.00", "USD"))).isEqualTo(1_049_700);
		assertThat(StripePaymentProvider.minorUnits(Money.of("0.05", "EUR"))).isEqualTo(5);
	}

	private Notification verify(String event) {
		return provider.verify(event, headers(event, NOW));
	}

	private static HttpHeaders headers(String payload, Instant at) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Stripe-Signature", StripeStub.signature(payload, at));
		return headers;
	}

	private static PaymentProvider.Start start(PaymentMethod method) {
		return new PaymentProvider.Start(UUID.randomUUID(), UUID.randomUUID(), Money.of("10.00", "USD"), method,
				URI.create("https://portal.example.test/orders/1"), NOW.plus(Duration.ofHours(1)));
	}

	private static StripePaymentProvider provider(Clock clock) {
		return new StripePaymentProvider(properties(StripeStub.SECRET_KEY), new JsonMapper(), clock);
	}

	private static PaymentProperties properties(String secretKey) {
		return PaymentPropertiesTest.properties("stripe",
				new PaymentProperties.Stripe(secretKey, StripeStub.WEBHOOK_SECRET, URI.create(STRIPE.url())));
	}

}
