package org.customerportal.license.validation;

import java.time.LocalDate;

import org.customerportal.license.licenses.LicenseType;

/**
 * What an installed product is told about its key, by {@link LicenseValidation}. {@code expiresAt} and the licence's terms are given only when the key belongs to the product asked
 * about.
 */
record ValidationResponse(boolean valid, ValidationCode code, LocalDate expiresAt, LicenseType licenseType,
		Integer productVersion, LocalDate maintenanceExpiresAt) {

	static ValidationResponse of(ValidationCode code, LicenseTerms terms) {
		if (terms == null) {
			return new ValidationResponse(code == ValidationCode.VALID, code, null, null, null, null);
		}
		return new ValidationResponse(code == ValidationCode.VALID, code, terms.expiresAt(), terms.type(),
				terms.productVersion(), terms.maintenanceExpiresAt());
	}

}
