package org.customerportal.account.invitation;

import java.time.Instant;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * Someone was invited to an organisation: what the notification service needs to send the e-mail.
 * {@code acceptUrl} carries the single-use token, so this event stays on the platform's internal topic.
 * {@code replacesInvitationId} is set when a member resent an invitation: the old one's link is void.
 */
@PortalEvent(topic = "portal.account.events", type = "portal.invitation.created.v1")
record InvitationCreated(UUID eventId, Instant occurredAt, UUID invitationId, UUID organizationId,
		String organizationName, String email, String invitedByUserId, String invitedByName, String acceptUrl,
		Instant expiresAt, UUID replacesInvitationId) implements IntegrationEvent {

	@Override
	public String subject() {
		return organizationId.toString();
	}

	@Override
	public String toString() {
		return "InvitationCreated[invitationId=" + invitationId + ", organizationId=" + organizationId + "]";
	}

}
