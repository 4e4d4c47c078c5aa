package org.customerportal.portal.account;

import java.time.Instant;
import java.util.UUID;

/** An invitation not yet accepted, as {@code GET /api/organizations/{orgId}/invitations} answers it. */
record PendingInvitation(UUID id, String email, String invitedByUserId, Instant createdAt, Instant expiresAt) {
}
