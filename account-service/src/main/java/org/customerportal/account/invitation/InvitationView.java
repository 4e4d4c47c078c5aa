package org.customerportal.account.invitation;

import java.time.Instant;
import java.util.UUID;

/**
 * A pending invitation as the API shows it (never its token).
 */
record InvitationView(UUID id, UUID organizationId, String email, String invitedByUserId, Instant createdAt,
		Instant expiresAt) {

	static InvitationView of(Invitation invitation) {
		return new InvitationView(invitation.id(), invitation.organizationId(), invitation.email(),
				invitation.invitedBy(), invitation.createdAt(), invitation.expiresAt());
	}

}
