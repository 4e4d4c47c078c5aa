package org.customerportal.order.membership;

import java.util.UUID;

/**
 * A person left an organisation ({@code organizationId} set) or their account was removed for good
 * ({@code organizationId} null: every organisation). Published inside the transaction that applies
 * the account event, so whatever follows from it commits with it.
 */
public record MembershipEnded(String userId, UUID organizationId) {
}
