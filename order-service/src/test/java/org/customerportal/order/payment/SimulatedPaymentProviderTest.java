package org.customerportal.order.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;
import org.customerportal.order.payment.PaymentProvider.AwaitingConfirmation;
import org.customerportal.order.payment.PaymentProvider.Declined;
import org.customerportal.order.payment.PaymentProvider.Settled;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedPaymentProviderTest {

	private final SimulatedPaymentProvider provider = new SimulatedPaymentProvider(
			Clock.fixed(Instant.parse("2026-05-20T12:00:00Z"), ZoneOffset.UTC));

	@Test
	void settlesCardsAndPaypalAtOnce() {
		assertThat(charge(PaymentMethod.CREDIT_CARD, card("4242 4242 4242 4242", 5, 2026))).isInstanceOf(Settled.class);
		assertThat(charge(PaymentMethod.PAYPAL, null)).isInstanceOf(Settled.class);
	}

	@Test
	void declinesTheDocumentedTestCardAndExpiredCards() {
		assertThat(charge(PaymentMethod.CREDIT_CARD, card("4000 0000 0000 0002", 12, 2030)))
			.isEqualTo(new Declined("Your card was declined. Use another card or choose another payment method."));
		assertThat(charge(PaymentMethod.CREDIT_CARD, card("4242424242424242", 4, 2026)))
			.isEqualTo(new Declined("Your card has expired. Use another card or choose another payment method."));
	}

	@Test
	void letsWireTransfersAndChecksWaitWithInstructions() {
		PaymentProvider.Result wire = charge(PaymentMethod.WIRE_TRANSFER, null);
		assertThat(wire).isInstanceOf(AwaitingConfirmation.class);
		assertThat(((AwaitingConfirmation) wire).instructions()).contains("1249.00 USD");
		assertThat(charge(PaymentMethod.CHECK, null)).isInstanceOf(AwaitingConfirmation.class);
	}

	@Test
	void aRepeatedChargeAnswersTheFirstOneWithoutChargingAgainEvenWithoutTheCard() {
		UUID paymentId = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		PaymentProvider.Result first = provider.charge(new PaymentProvider.Charge(paymentId, orderId,
				Money.of("1249.00", "USD"), PaymentMethod.CREDIT_CARD, card("4242424242424242", 12, 2030)));
		PaymentProvider.Result reasked = provider.charge(new PaymentProvider.Charge(paymentId, orderId,
				Money.of("1249.00", "USD"), PaymentMethod.CREDIT_CARD, null));
		assertThat(first).isInstanceOf(Settled.class);
		assertThat(reasked).isEqualTo(first);

		UUID declinedId = UUID.randomUUID();
		PaymentProvider.Result declined = provider.charge(new PaymentProvider.Charge(declinedId, orderId,
				Money.of("1249.00", "USD"), PaymentMethod.CREDIT_CARD, card("4000000000000002", 12, 2030)));
		assertThat(provider.charge(new PaymentProvider.Charge(declinedId, orderId, Money.of("1249.00", "USD"),
				PaymentMethod.CREDIT_CARD, card("4000000000000002", 12, 2030)))).isEqualTo(declined);
	}

	@Test
	void aCardPaymentItNeverReceivedIsAnsweredAsNotCharged() {
		assertThat(provider.charge(new PaymentProvider.Charge(UUID.randomUUID(), UUID.randomUUID(),
				Money.of("1249.00", "USD"), PaymentMethod.CREDIT_CARD, null)))
			.isEqualTo(new Declined("The payment did not reach our payment provider, and nothing was charged. "
					+ "Pay the order again."));
	}

	@Test
	void aPendingPaymentIsConfirmedOnceAndNotAfterItsOrderWasCancelled() {
		Payment confirmed = Payment.start(UUID.randomUUID(), UUID.randomUUID(), PaymentMethod.WIRE_TRANSFER,
				Money.of("10", "USD"), null, "alice", Instant.now());
		confirmed.awaitingConfirmation("ORD-1", "Transfer it");
		confirmed.confirm("support", Instant.now());
		assertThat(confirmed.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThatThrownBy(() -> confirmed.confirm("support", Instant.now())).isInstanceOf(ConflictException.class);

		Payment cancelled = Payment.start(UUID.randomUUID(), UUID.randomUUID(), PaymentMethod.CHECK,
				Money.of("10", "USD"), null, "alice", Instant.now());
		cancelled.awaitingConfirmation("ORD-2", "Mail it");
		cancelled.cancel();
		assertThatThrownBy(() -> cancelled.confirm("support", Instant.now())).isInstanceOf(ConflictException.class);
	}

	@Test
	void supportCannotConfirmACardPaymentTheProviderHasNotAnswered() {
		Payment card = Payment.start(UUID.randomUUID(), UUID.randomUUID(), PaymentMethod.CREDIT_CARD,
				Money.of("10", "USD"), "4242", "alice", Instant.now());
		assertThat(card.inFlight()).isTrue();
		assertThatThrownBy(() -> card.confirm("support", Instant.now())).isInstanceOf(BusinessRuleException.class)
			.hasMessageStartingWith("Only wire transfers and checks are confirmed by hand");
		assertThat(card.status()).isEqualTo(PaymentStatus.PENDING);
	}

	private PaymentProvider.Result charge(PaymentMethod method, CardDetails card) {
		return provider.charge(
				new PaymentProvider.Charge(UUID.randomUUID(), UUID.randomUUID(), Money.of("1249.00", "USD"), method, card));
	}

	private static CardDetails card(String number, int month, int year) {
		return new CardDetails(number, month, year, "123");
	}

}
