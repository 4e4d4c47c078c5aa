package org.customerportal.order.payment;

enum PaymentStatus {

	/**
	 * Sent to the provider, whose answer is awaited (the reconciler asks again when it is lost); open on
	 * the provider's hosted page until its notification arrives; or a wire transfer or check waiting for
	 * support to confirm the money arrived.
	 */
	PENDING,

	SUCCEEDED,

	/** A pending payment whose order was cancelled, or that a newer payment of the order replaced. */
	CANCELLED,

	/** Declined by the provider, its page expired, or never sent to it; no money moved. Not listed to customers. */
	FAILED,

	/** Settled, then given back by support through the provider. */
	REFUNDED

}
