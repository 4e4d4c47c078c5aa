package org.customerportal.account.invitation;

import java.time.Instant;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * A member withdrew a pending invitation: its link opens nothing any more, and an invitation mail not yet
 * sent should not go out.
 */
@PortalEvent(topic = "portal.account.events", type = "portal.invitation.withdrawn.v1")
record InvitationWithdrawn(UUID eventId, Instant occurredAt, UUID invitationId, UUID organizationId, String email,
		String withdrawnByUserId) implements IntegrationEvent {

	@Override
	public String subject() {
		return organizationId.toString();
	}

}
