package org.customerportal.account.organization;

import java.time.Instant;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * A person became a member of an organisation (also its creator).
 */
@PortalEvent(topic = "portal.account.events", type = "portal.member.joined.v1")
record MemberJoined(UUID eventId, Instant occurredAt, UUID organizationId, String userId, String email, String name)
		implements IntegrationEvent {

	@Override
	public String subject() {
		return organizationId.toString();
	}

}
