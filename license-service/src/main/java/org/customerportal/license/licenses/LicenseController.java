package org.customerportal.license.licenses;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.web.PageResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/licenses")
@Tag(name = "Licenses", description = "Full License and Upcoming Renewal: the licenses the caller may see.")
class LicenseController {

	private final LicenseQueries queries;

	private final LicenseAccess access;

	private final Clock clock;

	LicenseController(LicenseQueries queries, LicenseAccess access, Clock clock) {
		this.queries = queries;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Full License: the licences of orders the caller is a contact of, and the trials of their organisation",
			description = "Support sees every organisation's licences; organizationId narrows the list to one company's.")
	PageResponse<LicenseResponse> list(CurrentUser user, @RequestParam(required = false) LicenseStatus status,
			@RequestParam(required = false) String product,
			@Parameter(description = "only this organisation's licences (the support console's view of a company)")
			@RequestParam(required = false) UUID organizationId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		LocalDate today = LocalDate.now(clock);
		PageResponse<License> found = queries.visible(user,
				new LicenseQueries.Filter(status, blankToNull(product), organizationId), today, page, size);
		return found.map(license -> LicenseResponse.of(license, today));
	}

	@GetMapping("/upcoming-renewals")
	@Operation(summary = "Upcoming Renewal: annual licences ending and perpetual maintenance ending within the window",
			description = "Annual licenses that expire, and perpetual licenses whose maintenance ends, within `withinDays` "
					+ "days: what Renew Selected offers.")
	PageResponse<UpcomingRenewalResponse> upcomingRenewals(CurrentUser user,
			@RequestParam(defaultValue = "90") @Min(1) @Max(730) int withinDays,
			@RequestParam(required = false) UUID organizationId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		LocalDate today = LocalDate.now(clock);
		PageResponse<License> found = queries.upcomingRenewals(user, organizationId, today,
				today.plusDays(withinDays), page, size);
		return found.map(license -> upcoming(license, today));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One licence: order contacts, members of a trial's organisation, and support",
			description = "One license with its key, product, type, version, quota and dates. Anyone but its order's "
					+ "contacts, members of a trial's organization and support gets 404.")
	LicenseResponse get(CurrentUser user, @PathVariable UUID id) {
		return LicenseResponse.of(access.visible(id, user), LocalDate.now(clock));
	}

	private static UpcomingRenewalResponse upcoming(License license, LocalDate today) {
		boolean annual = license.type() == LicenseType.ANNUAL;
		return new UpcomingRenewalResponse(LicenseResponse.of(license, today),
				annual ? UpcomingRenewalResponse.Renews.LICENSE : UpcomingRenewalResponse.Renews.MAINTENANCE,
				annual ? license.expiresAt() : license.maintenanceExpiresAt());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
