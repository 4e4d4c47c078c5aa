package org.customerportal.license.licenses;

import java.time.Instant;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * A licence moved to a newer major version of its product.
 */
@PortalEvent(topic = LicenseEvents.TOPIC, type = "portal.license.upgraded.v1")
public record LicenseUpgraded(UUID eventId, Instant occurredAt, UUID licenseId, UUID orderId, UUID organizationId,
		String product, int fromVersion, int toVersion) implements IntegrationEvent {

	public static LicenseUpgraded of(License license, int fromVersion, Instant now) {
		return new LicenseUpgraded(IntegrationEvent.newEventId(), now, license.id(), license.orderId(),
				license.organizationId(), license.product(), fromVersion, license.productVersion());
	}

	@Override
	public String subject() {
		return licenseId.toString();
	}

}
