package org.customerportal.license.licenses;

import java.time.Instant;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * A paid quota-expansion order added quota to a licence; {@code quota} is the new total.
 */
@PortalEvent(topic = LicenseEvents.TOPIC, type = "portal.license.quota-increased.v1")
public record LicenseQuotaIncreased(UUID eventId, Instant occurredAt, UUID licenseId, UUID orderId,
		UUID expansionOrderId, UUID organizationId, int added, int quota) implements IntegrationEvent {

	public static LicenseQuotaIncreased of(License license, UUID expansionOrderId, int added, Instant now) {
		return new LicenseQuotaIncreased(IntegrationEvent.newEventId(), now, license.id(), license.orderId(),
				expansionOrderId, license.organizationId(), added, license.quota());
	}

	@Override
	public String subject() {
		return licenseId.toString();
	}

}
