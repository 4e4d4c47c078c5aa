package org.customerportal.account.organization;

import java.time.Instant;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * A person is no longer a member of an organisation: removed, left, or their account was removed.
 */
@PortalEvent(topic = "portal.account.events", type = "portal.member.removed.v1")
record MemberRemoved(UUID eventId, Instant occurredAt, UUID organizationId, String userId, String email)
		implements IntegrationEvent {

	@Override
	public String subject() {
		return organizationId.toString();
	}

}
