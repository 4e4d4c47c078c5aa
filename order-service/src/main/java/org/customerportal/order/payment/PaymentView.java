package org.customerportal.order.payment;

import java.time.Instant;
import java.util.UUID;

import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;

/**
 * A payment as the API answers it.
 *
 * @param instructions what the customer does next, for a wire transfer or a check
 */
record PaymentView(UUID id, UUID orderId, PaymentMethod method, PaymentStatus status, Money amount,
		String cardLast4, String reference, String instructions, Instant createdAt, Instant completedAt) {

	static PaymentView of(Payment payment) {
		return new PaymentView(payment.id(), payment.orderId(), payment.method(), payment.status(), payment.amount(),
				payment.cardLast4(), payment.providerReference(), payment.instructions(), payment.createdAt(),
				payment.completedAt());
	}

}
