package org.customerportal.license.licenses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * Support lifted a licence's revocation: {@code status} is ACTIVE again, or EXPIRED if its term ended
 * meanwhile; the end dates are carried so that readers can resume renewal reminders.
 */
@PortalEvent(topic = LicenseEvents.TOPIC, type = "portal.license.reinstated.v1")
public record LicenseReinstated(UUID eventId, Instant occurredAt, UUID licenseId, UUID orderId, UUID organizationId,
		String product, LicenseType type, LicenseStatus status, LocalDate expiresAt, LocalDate maintenanceExpiresAt)
		implements IntegrationEvent {

	public static LicenseReinstated of(License license, Instant now) {
		return new LicenseReinstated(IntegrationEvent.newEventId(), now, license.id(), license.orderId(),
				license.organizationId(), license.product(), license.type(), license.status(), license.expiresAt(),
				license.maintenanceExpiresAt());
	}

	@Override
	public String subject() {
		return licenseId.toString();
	}

}
