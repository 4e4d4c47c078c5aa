package org.customerportal.order.payment;

enum PaymentStatus {

	/** Wire transfer or check: waiting for support to confirm the money arrived. */
	PENDING,

	SUCCEEDED,

	/** A pending payment whose order was cancelled. */
	CANCELLED

}
