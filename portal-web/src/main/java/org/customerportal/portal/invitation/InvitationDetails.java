package org.customerportal.portal.invitation;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation as its link shows it ({@code GET /api/invitations/{id}?token=}): who invites, to which
 * company, the address it was sent to and whether it can still be accepted.
 */
record InvitationDetails(UUID id, UUID organizationId, String organizationName, String invitedByName, String email,
		Status status, Instant expiresAt) {

	enum Status {

		PENDING, ACCEPTED, EXPIRED, REPLACED, WITHDRAWN

	}

}
