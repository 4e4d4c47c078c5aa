package org.customerportal.license.licenses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * A licence was issued for a line of a paid order.
 */
@PortalEvent(topic = LicenseEvents.TOPIC, type = "portal.license.issued.v1")
public record LicenseIssued(UUID eventId, Instant occurredAt, UUID licenseId, UUID orderId, UUID organizationId,
		String product, LicenseType type, int productVersion, int quota, LocalDate validFrom, LocalDate expiresAt,
		LocalDate maintenanceExpiresAt) implements IntegrationEvent {

	public static LicenseIssued of(License license, Instant now) {
		return new LicenseIssued(IntegrationEvent.newEventId(), now, license.id(), license.orderId(),
				license.organizationId(), license.product(), license.type(), license.productVersion(), license.quota(),
				license.validFrom(), license.expiresAt(), license.maintenanceExpiresAt());
	}

	@Override
	public String subject() {
		return licenseId.toString();
	}

}
