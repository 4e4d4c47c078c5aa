package org.customerportal.license.licenses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * A paid renewal order extended an annual licence's term, or a perpetual licence's maintenance, by a year.
 */
@PortalEvent(topic = LicenseEvents.TOPIC, type = "portal.license.renewed.v1")
public record LicenseRenewed(UUID eventId, Instant occurredAt, UUID licenseId, UUID orderId, UUID renewalOrderId,
		UUID organizationId, LicenseType type, LocalDate expiresAt, LocalDate maintenanceExpiresAt)
		implements IntegrationEvent {

	public static LicenseRenewed of(License license, UUID renewalOrderId, Instant now) {
		return new LicenseRenewed(IntegrationEvent.newEventId(), now, license.id(), license.orderId(), renewalOrderId,
				license.organizationId(), license.type(), license.expiresAt(), license.maintenanceExpiresAt());
	}

	@Override
	public String subject() {
		return licenseId.toString();
	}

}
