package org.customerportal.order.membership;

import java.util.UUID;

/**
 * A person who belongs to an organisation, as account-service last told us.
 */
public record Member(UUID organizationId, String userId, String email, String name) {
}
