package org.customerportal.license.licenses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * A trial was extended by 30 days; {@code extensions} is 1 or 2.
 */
@PortalEvent(topic = LicenseEvents.TOPIC, type = "portal.trial.extended.v1")
public record TrialExtended(UUID eventId, Instant occurredAt, UUID licenseId, UUID organizationId, int extensions,
		LocalDate expiresAt) implements IntegrationEvent {

	public static TrialExtended of(License trial, Instant now) {
		return new TrialExtended(IntegrationEvent.newEventId(), now, trial.id(), trial.organizationId(),
				trial.extensions(), trial.expiresAt());
	}

	@Override
	public String subject() {
		return licenseId.toString();
	}

}
