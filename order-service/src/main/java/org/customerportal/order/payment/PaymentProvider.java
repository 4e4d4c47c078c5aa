package org.customerportal.order.payment;

import java.util.UUID;

import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;

/**
 * The port to whoever moves the money. An implementation must treat {@code paymentId} as its own
 * idempotency key, so a retried charge never charges twice.
 */
interface PaymentProvider {

	Result charge(Charge charge);

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
