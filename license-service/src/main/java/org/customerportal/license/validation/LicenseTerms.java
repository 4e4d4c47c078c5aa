package org.customerportal.license.validation;

import java.time.LocalDate;
import java.util.UUID;

import org.customerportal.license.licenses.LicenseStatus;
import org.customerportal.license.licenses.LicenseType;

/**
 * What validation needs to know of a licence, as cached by key. {@link #UNKNOWN} stands for a key that
 * matches no licence.
 */
record LicenseTerms(UUID licenseId, String product, LicenseType type, int productVersion, LicenseStatus status,
		LocalDate expiresAt, LocalDate maintenanceExpiresAt) {

	static final LicenseTerms UNKNOWN = new LicenseTerms(null, null, null, 0, null, null, null);

	boolean exists() {
		return licenseId != null;
	}

	boolean endedBy(LocalDate today) {
		return status == LicenseStatus.EXPIRED || (expiresAt != null && !today.isBefore(expiresAt));
	}

}
