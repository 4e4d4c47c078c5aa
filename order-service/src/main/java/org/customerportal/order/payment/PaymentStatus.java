package org.customerportal.order.payment;

enum PaymentStatus {

	/**
	 * Sent to the provider, whose answer is awaited (the reconciler asks again when it is lost), or a
	 * wire transfer or check waiting for support to confirm the money arrived.
	 */
	PENDING,

	SUCCEEDED,

	/** A pending payment whose order was cancelled. */
	CANCELLED,

	/** Declined by the provider, or never sent to it; no money moved. Not listed to customers. */
	FAILED

}
