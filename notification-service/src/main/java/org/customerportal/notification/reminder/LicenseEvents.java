package org.customerportal.notification.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What this service reads from {@code portal.license.events}: when each licence ends.
 */
final class LicenseEvents {

	private LicenseEvents() {
	}

	static final String ISSUED = "portal.license.issued.v1";

	static final String RENEWED = "portal.license.renewed.v1";

	static final String EXPIRED = "portal.license.expired.v1";

	static final String REVOKED = "portal.license.revoked.v1";

	static final String REINSTATED = "portal.license.reinstated.v1";

	/** license.issued and license.renewed: the end date is expiresAt (annual) or maintenanceExpiresAt (perpetual). */
	record LicenseEndKnown(UUID licenseId, UUID orderId, UUID organizationId, String product, String type,
			LocalDate expiresAt, LocalDate maintenanceExpiresAt) {

		LocalDate endDate() {
			if ("TRIAL".equals(type)) {
				return null;
			}
			if ("PERPETUAL".equals(type)) {
				return maintenanceExpiresAt;
			}
			return expiresAt != null ? expiresAt : maintenanceExpiresAt;
		}

		String licenseType() {
			if (type != null) {
				return type;
			}
			return maintenanceExpiresAt != null && expiresAt == null ? "PERPETUAL" : "ANNUAL";
		}

	}

	record LicenseExpired(UUID licenseId, UUID orderId, UUID organizationId, String type, LocalDate expiredOn) {
	}

	record LicenseRevoked(UUID eventId, Instant occurredAt, UUID licenseId, UUID orderId,
			UUID organizationId, String product, String type, String reason) {
	}

}
