package org.customerportal.order.payment;

import java.util.UUID;

import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;

/**
 * The port to whoever moves the money; {@code order.payments.provider} chooses the implementation
 * (the built-in one is {@code simulated}, which moves none). It is called outside any database
 * transaction, through a circuit breaker and a time limiter.
 * <p>
 * An implementation must treat {@code paymentId} as its idempotency key: a charge repeated with the
 * same id (after a timeout, or by the reconciler) answers the first charge's result and never charges
 * twice. The reconciler repeats a charge without the card's details (only its last four digits are
 * kept); for a payment id it never received, the provider then answers {@link Declined}.
 */
interface PaymentProvider {

	Result charge(Charge charge);

	/**
	 * @param card the card for {@code CREDIT_CARD}; null otherwise, and when the reconciler asks again
	 */
	record Charge(UUID paymentId, UUID orderId, Money amount, PaymentMethod method, CardDetails card) {
	}

	sealed interface Result {
	}

	/** The money moved. */
	record Settled(String reference) implements Result {
	}

	/** The customer sends the money themselves (wire transfer, check); support confirms it. */
	record AwaitingConfirmation(String reference, String instructions) implements Result {
	}

	/** Refused; {@code reason} is the sentence the customer reads. */
	record Declined(String reason) implements Result {
	}

}
