package org.customerportal.license.licenses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A licence as the portal shows it. {@code status} is as of today: an ended licence reads EXPIRED at once.
 * {@code revokedAt} and {@code revocationReason} are set while it is revoked.
 */
public record LicenseResponse(UUID id, String key, UUID organizationId, UUID orderId, String product,
		LicenseType type, int productVersion, int quota, int quotaUsed, LocalDate validFrom, LocalDate expiresAt,
		LocalDate maintenanceExpiresAt, LicenseStatus status, Integer trialExtensions, Instant createdAt,
		Instant revokedAt, String revocationReason) {

	public static LicenseResponse of(License license, LocalDate today) {
		return new LicenseResponse(license.id(), license.licenseKey(), license.organizationId(), license.orderId(),
				license.product(), license.type(), license.productVersion(), license.quota(), license.quotaUsed(),
				license.validFrom(), license.expiresAt(), license.maintenanceExpiresAt(),
				license.effectiveStatus(today), license.isTrial() ? license.extensions() : null, license.createdAt(),
				license.revokedAt(), license.revocationReason());
	}

}
