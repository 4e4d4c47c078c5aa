package org.customerportal.order.license;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The parts of license-service's events this service reads (a tolerant reader).
 */
final class LicenseEvents {

	private LicenseEvents() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LicenseIssued(UUID licenseId, UUID orderId, UUID organizationId, String product, String type,
			Integer productVersion, int quota, LocalDate validFrom, LocalDate expiresAt,
			LocalDate maintenanceExpiresAt) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LicenseRenewed(UUID licenseId, LocalDate expiresAt, LocalDate maintenanceExpiresAt) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LicenseQuotaIncreased(UUID licenseId, int quota) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LicenseUpgraded(UUID licenseId, int toVersion) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LicenseExpired(UUID licenseId) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LicenseRevoked(UUID licenseId) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LicenseReinstated(UUID licenseId, String status) {
	}

}
