package org.customerportal.license.licenses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * A member started a 30-day trial of a product for their organisation.
 */
@PortalEvent(topic = LicenseEvents.TOPIC, type = "portal.trial.started.v1")
public record TrialStarted(UUID eventId, Instant occurredAt, UUID licenseId, UUID orderId, UUID organizationId,
		String product, LicenseType type, int productVersion, int quota, LocalDate validFrom, LocalDate expiresAt,
		LocalDate maintenanceExpiresAt, String startedBy) implements IntegrationEvent {

	public static TrialStarted of(License trial, Instant now) {
		return new TrialStarted(IntegrationEvent.newEventId(), now, trial.id(), trial.orderId(),
				trial.organizationId(), trial.product(), trial.type(), trial.productVersion(), trial.quota(),
				trial.validFrom(), trial.expiresAt(), trial.maintenanceExpiresAt(), trial.startedBy());
	}

	@Override
	public String subject() {
		return licenseId.toString();
	}

}
