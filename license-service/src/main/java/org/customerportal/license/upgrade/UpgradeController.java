package org.customerportal.license.upgrade;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.customerportal.license.licenses.License;
import org.customerportal.license.licenses.LicenseAccess;
import org.customerportal.license.licenses.LicenseResponse;
import org.customerportal.license.licenses.ProductReleases;
import org.customerportal.license.licenses.UpgradeEligibility;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Free upgrades to a newer major version: for a valid annual licence, or a perpetual one whose maintenance
 * is valid.
 */
@RestController
@RequestMapping("/api/licenses/{id}")
@Tag(name = "Upgrades", description = "Free upgrades of a license to a newer major version.")
class UpgradeController {

	private final LicenseAccess access;

	private final Upgrades upgrades;

	private final ProductReleases releases;

	private final Clock clock;

	UpgradeController(LicenseAccess access, Upgrades upgrades, ProductReleases releases, Clock clock) {
		this.access = access;
		this.upgrades = upgrades;
		this.releases = releases;
		this.clock = clock;
	}

	record EligibilityResponse(boolean eligible, String reason, int currentVersion, Integer latestVersion) {
	}

	record UpgradeRequest(@NotNull @Min(1) @Max(10_000) Integer targetVersion) {
	}

	@GetMapping("/upgrade-eligibility")
	@Operation(summary = "Whether the licence may be upgraded for free, and why",
			description = "Eligible for a free upgrade: a valid annual license, or a perpetual license whose maintenance "
					+ "is valid. Otherwise the reason says why.")
	EligibilityResponse eligibility(CurrentUser user, @PathVariable UUID id) {
		License license = access.visible(id, user);
		UpgradeEligibility eligibility = license.upgradeEligibility(LocalDate.now(clock));
		return new EligibilityResponse(eligibility.eligible(), eligibility.reason(), license.productVersion(),
				releases.latestVersion(license.product()).orElse(null));
	}

	@PostMapping("/upgrade")
	@Operation(summary = "Free upgrade to a newer major version; 422 with the reason when not eligible",
			description = "Moves the license to `targetVersion`. When it is not eligible: 422 with the reason; the upgrade "
					+ "can then be bought (`POST /api/upgrade-orders`).")
	LicenseResponse upgrade(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody UpgradeRequest request) {
		return LicenseResponse.of(upgrades.upgrade(user, id, request.targetVersion()), LocalDate.now(clock));
	}

}
