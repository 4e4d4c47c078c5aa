package org.customerportal.platform.membership;

import java.util.UUID;

/**
 * The caller's organisation as account-service, which owns memberships, states it.
 */
public record OwnerMembership(UUID organizationId, String userId, String email, String name) {
}
