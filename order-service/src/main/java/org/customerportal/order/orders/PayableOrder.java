package org.customerportal.order.orders;

import java.util.UUID;

import org.customerportal.order.Money;

/**
 * An order waiting for payment, locked for the current transaction.
 */
public record PayableOrder(UUID id, UUID organizationId, Money total) {
}
