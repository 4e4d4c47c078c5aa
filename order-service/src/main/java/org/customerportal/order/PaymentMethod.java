package org.customerportal.order;

/**
 * How a customer pays. Card and PayPal are paid on the payment provider's hosted page and settle when
 * the provider confirms; wire transfer and check are confirmed by support when the money arrives.
 */
public enum PaymentMethod {

	CREDIT_CARD, PAYPAL, WIRE_TRANSFER, CHECK;

	/** Paid on the payment provider's hosted page (the portal never sees card or account details). */
	public boolean paidOnProviderPage() {
		return this == CREDIT_CARD || this == PAYPAL;
	}

}
