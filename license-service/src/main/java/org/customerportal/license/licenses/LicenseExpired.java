package org.customerportal.license.licenses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * An annual or trial licence reached its end date and was marked expired; {@code expiredOn} is that date.
 */
@PortalEvent(topic = LicenseEvents.TOPIC, type = "portal.license.expired.v1")
public record LicenseExpired(UUID eventId, Instant occurredAt, UUID licenseId, UUID orderId, UUID organizationId,
		LicenseType type, LocalDate expiredOn) implements IntegrationEvent {

	public static LicenseExpired of(License license, Instant now) {
		return new LicenseExpired(IntegrationEvent.newEventId(), now, license.id(), license.orderId(),
				license.organizationId(), license.type(), license.expiresAt());
	}

	@Override
	public String subject() {
		return licenseId.toString();
	}

}
