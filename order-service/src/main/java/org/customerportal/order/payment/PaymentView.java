package org.customerportal.order.payment;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;

/**
 * A payment as the API answers it.
 *
 * @param redirectUrl while a card or PayPal payment is pending: the payment provider's hosted page, where
 * the customer pays
 * @param instructions what the customer does next, for a wire transfer or a check
 */
record PaymentView(UUID id, UUID orderId, PaymentMethod method, PaymentStatus status, Money amount, String reference,
		URI redirectUrl, String instructions, Instant createdAt, Instant completedAt, Instant refundedAt) {

	static PaymentView of(Payment payment) {
		return new PaymentView(payment.id(), payment.orderId(), payment.method(), payment.status(), payment.amount(),
				payment.providerReference(), payment.onProviderPage() ? payment.redirectUrl() : null,
				payment.instructions(), payment.createdAt(), payment.completedAt(), payment.refundedAt());
	}

}
