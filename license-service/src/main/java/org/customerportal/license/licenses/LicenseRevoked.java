package org.customerportal.license.licenses;

import java.time.Instant;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * Support revoked a licence: it validates as REVOKED, its renewal reminders stop and its contacts are told
 * why ({@code reason}, as support wrote it).
 */
@PortalEvent(topic = LicenseEvents.TOPIC, type = "portal.license.revoked.v1")
public record LicenseRevoked(UUID eventId, Instant occurredAt, UUID licenseId, UUID orderId, UUID organizationId,
		String product, LicenseType type, String reason) implements IntegrationEvent {

	public static LicenseRevoked of(License license) {
		return new LicenseRevoked(IntegrationEvent.newEventId(), license.revokedAt(), license.id(), license.orderId(),
				license.organizationId(), license.product(), license.type(), license.revocationReason());
	}

	@Override
	public String subject() {
		return licenseId.toString();
	}

}
