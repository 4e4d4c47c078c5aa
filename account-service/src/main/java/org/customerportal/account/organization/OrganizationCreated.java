package org.customerportal.account.organization;

import java.time.Instant;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * A company account was created; its creator is its first member and primary contact.
 */
@PortalEvent(topic = "portal.account.events", type = "portal.organization.created.v1")
record OrganizationCreated(UUID eventId, Instant occurredAt, UUID organizationId, String name,
		String primaryContactId, String primaryContactEmail)
		implements IntegrationEvent {

	@Override
	public String subject() {
		return organizationId.toString();
	}

}
