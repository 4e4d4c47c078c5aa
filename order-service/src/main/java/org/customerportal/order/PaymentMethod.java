package org.customerportal.order;

/**
 * How a customer pays. Card and PayPal settle at once; wire transfer and check are confirmed by
 * support when the money arrives.
 */
public enum PaymentMethod {

	CREDIT_CARD, PAYPAL, WIRE_TRANSFER, CHECK;

	public boolean settlesImmediately() {
		return this == CREDIT_CARD || this == PAYPAL;
	}

}
