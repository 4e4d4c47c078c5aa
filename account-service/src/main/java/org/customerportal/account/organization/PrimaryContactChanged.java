package org.customerportal.account.organization;

import java.time.Instant;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * An organisation has a new primary contact; {@code previousUserId} is null if it had none.
 */
@PortalEvent(topic = "portal.account.events", type = "portal.primary-contact.changed.v1")
record PrimaryContactChanged(UUID eventId, Instant occurredAt, UUID organizationId,
		String previousUserId, String userId)
		implements IntegrationEvent {

	@Override
	public String subject() {
		return organizationId.toString();
	}

}
