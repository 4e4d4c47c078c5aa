package org.customerportal.portal.order;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.customerportal.portal.api.Money;

/**
 * A payment as {@code /api/orders/{id}/payments} answers it.
 *
 * @param redirectUrl for a card or PayPal payment: the payment provider's hosted page, where the person pays
 * @param instructions for a wire transfer or a check: what the person does next
 */
public record PaymentView(UUID id, UUID orderId, String method, String status, Money amount, String reference,
		URI redirectUrl, String instructions, Instant createdAt, Instant completedAt) {

	public boolean pending() {
		return "PENDING".equals(status);
	}

	/** A wire transfer or check still to be made: its instructions are what the person needs. */
	public boolean awaitsTheMoney() {
		return pending() && instructions != null && !instructions.isBlank();
	}

}
