package org.customerportal.account.removal;

import java.time.Instant;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * A person's account was removed for good: drop them from every contact list and mailing.
 * @param organizationId the organisation they belonged to, or null
 */
@PortalEvent(topic = "portal.account.events", type = "portal.user.removed.v1")
record UserRemoved(UUID eventId, Instant occurredAt, String userId, UUID organizationId)
		implements IntegrationEvent {

	@Override
	public String subject() {
		return userId;
	}

}
