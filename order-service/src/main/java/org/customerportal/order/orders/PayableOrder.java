package org.customerportal.order.orders;

import java.util.UUID;

import org.customerportal.order.Money;
import org.customerportal.platform.problem.ConflictException;

/**
 * An order a contact is paying, locked for the current transaction.
 *
 * @param refusal why it cannot be paid (already paid, cancelled), or null
 */
public record PayableOrder(UUID id, UUID organizationId, Money total, String refusal) {

	/** Whether the order is waiting for a payment (not paid, not cancelled). */
	public boolean payable() {
		return refusal == null;
	}

	/** Refuses the payment unless the order is waiting for one (409). */
	public void assertPayable() {
		if (refusal != null) {
			throw new ConflictException(refusal);
		}
	}

}
