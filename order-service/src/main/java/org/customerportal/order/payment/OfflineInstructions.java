package org.customerportal.order.payment;

import java.util.UUID;

import org.customerportal.order.payment.PaymentProvider.AwaitingConfirmation;
import org.customerportal.order.payment.PaymentProvider.Start;

/**
 * What a customer paying by wire transfer or check is told, whichever provider takes card payments:
 * the money comes to the vendor's own bank account, and support confirms it.
 */
final class OfflineInstructions {

	private OfflineInstructions() {
	}

	static AwaitingConfirmation of(Start start) {
		String reference = orderReference(start.orderId());
		return switch (start.method()) {
			case WIRE_TRANSFER -> new AwaitingConfirmation(reference, "Transfer " + start.amount()
					+ " to our bank account quoting reference " + reference
					+ ". Your order is marked paid as soon as we receive it, usually within three business days.");
			case CHECK -> new AwaitingConfirmation(reference, "Mail a check for " + start.amount() + " with reference "
					+ reference + " written on it. Your order is marked paid as soon as the check clears.");
			case CREDIT_CARD, PAYPAL -> throw new IllegalArgumentException(start.method() + " is paid at the provider");
		};
	}

	/** The order as a customer quotes it: {@code ORD-} and the first eight characters of its id. */
	static String orderReference(UUID orderId) {
		return "ORD-" + orderId.toString().substring(0, 8).toUpperCase();
	}

}
