package org.customerportal.license.upgrade;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.customerportal.license.licenses.License;
import org.customerportal.license.licenses.LicenseAccess;
import org.customerportal.license.licenses.LicenseUpgraded;
import org.customerportal.license.licenses.Licenses;
import org.customerportal.license.licenses.ProductReleases;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Free upgrades to a newer major version, up to the newest one released. The licence's row lock orders
 * concurrent upgrades, so the second sees the first's version.
 */
@Component
class Upgrades {

	private final LicenseAccess access;

	private final Licenses licenses;

	private final ProductReleases releases;

	private final Clock clock;

	Upgrades(LicenseAccess access, Licenses licenses, ProductReleases releases, Clock clock) {
		this.access = access;
		this.licenses = licenses;
		this.releases = releases;
		this.clock = clock;
	}

	/** Moves the licence to the target version; a 422 problem with the reason when it may not be upgraded. */
	@Transactional
	License upgrade(CurrentUser user, UUID licenseId, int targetVersion) {
		License license = access.changeableLocked(licenseId, user);
		int latest = releases.latestVersion(license.product()).orElse(license.productVersion());
		int from = license.upgradeTo(targetVersion, latest, LocalDate.now(clock));
		return licenses.save(license, LicenseUpgraded.of(license, from, clock.instant()));
	}

}
