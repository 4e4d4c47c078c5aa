package org.customerportal.license.revocation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.customerportal.license.licenses.License;
import org.customerportal.license.licenses.LicenseAccess;
import org.customerportal.license.licenses.LicenseReinstated;
import org.customerportal.license.licenses.LicenseRevoked;
import org.customerportal.license.licenses.Licenses;
import org.customerportal.platform.problem.ConflictException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support revokes and reinstates licences. The status is written under the licence's row lock and read by
 * every validation from the database, so every instance answers REVOKED as soon as this commits.
 */
@Component
class Revocations {

	private final Licenses licenses;

	private final Clock clock;

	Revocations(Licenses licenses, Clock clock) {
		this.licenses = licenses;
		this.clock = clock;
	}

	@Transactional
	License revoke(UUID licenseId, String reason) {
		License license = locked(licenseId);
		license.revoke(reason.strip(), clock.instant());
		return licenses.save(license, LicenseRevoked.of(license));
	}

	@Transactional
	License reinstate(UUID licenseId) {
		License license = locked(licenseId);
		license.reinstate(LocalDate.now(clock));
		try {
			return licenses.save(license, LicenseReinstated.of(license, clock.instant()));
		}
		catch (RuntimeException ex) {
			if (!Licenses.causedByDuplicateKey(ex)) {
				throw ex;
			}
			// a trial of a newer version started while this one was revoked: one active trial per product
			throw new ConflictException("The company has started another trial of " + license.product()
					+ " since this one was revoked, so this trial cannot be reinstated.");
		}
	}

	private License locked(UUID licenseId) {
		return licenses.findLocked(licenseId).orElseThrow(() -> LicenseAccess.notFound(licenseId));
	}

}
