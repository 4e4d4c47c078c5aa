package org.customerportal.license.validation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.customerportal.license.licenses.License;
import org.customerportal.license.licenses.Licenses;
import org.customerportal.license.licenses.LicenseStatus;
import org.customerportal.license.licenses.QuotaExceededException;
import org.customerportal.license.quota.Activations;
import org.customerportal.platform.problem.BusinessRuleException;

import org.springframework.stereotype.Component;

/**
 * What an installed product asks at run time. Without a device id it is answered from memory but for the
 * licence's status, which is read from the database (a revocation counts at once everywhere); with one,
 * a device not yet activated takes a unit of quota (a database write under the licence's row lock).
 */
@Component
class LicenseValidation {

	private final ValidationCache cache;

	private final Activations activations;

	private final Licenses licenses;

	private final Clock clock;

	LicenseValidation(ValidationCache cache, Activations activations, Licenses licenses, Clock clock) {
		this.cache = cache;
		this.activations = activations;
		this.licenses = licenses;
		this.clock = clock;
	}

	ValidationResponse validate(String licenseKey, String product, String deviceId) {
		String key = licenseKey.trim().toUpperCase(Locale.ROOT);
		LicenseTerms terms = cache.current(key);
		ValidationResponse answer = answer(terms, product, LocalDate.now(clock));
		if (!answer.valid() || deviceId == null || deviceId.isBlank()) {
			return answer;
		}
		if (activations.isActivated(terms.licenseId(), deviceId)) {
			return answer;
		}
		License license = licenses.find(terms.licenseId()).orElse(null);
		if (license == null) {
			return ValidationResponse.of(ValidationCode.NOT_FOUND, null);
		}
		try {
			activations.activate(license, deviceId);
			return answer;
		}
		catch (QuotaExceededException ex) {
			return ValidationResponse.of(ValidationCode.QUOTA_EXCEEDED, terms);
		}
		catch (BusinessRuleException ex) {
			// the licence changed since it was cached (e.g. by another instance): answer from the database
			cache.evict(key);
			return answer(cache.current(key), product, LocalDate.now(clock));
		}
	}

	static ValidationResponse answer(LicenseTerms terms, String product, LocalDate today) {
		if (!terms.exists()) {
			return ValidationResponse.of(ValidationCode.NOT_FOUND, null);
		}
		if (!terms.product().equals(product)) {
			return ValidationResponse.of(ValidationCode.WRONG_PRODUCT, null);
		}
		if (terms.status() == LicenseStatus.REVOKED) {
			return ValidationResponse.of(ValidationCode.REVOKED, terms);
		}
		if (terms.endedBy(today)) {
			return ValidationResponse.of(ValidationCode.EXPIRED, terms);
		}
		return ValidationResponse.of(ValidationCode.VALID, terms);
	}

}
