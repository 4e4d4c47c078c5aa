package org.customerportal.portal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A licence as {@code GET /api/licenses} answers it; {@code renews} and {@code endsOn} are set in the
 * "Upcoming Renewal" list only; {@code revokedAt} and {@code revocationReason} while support has revoked it.
 */
public record LicenseView(UUID id, String key, UUID organizationId, UUID orderId, String product, String type,
		int productVersion, int quota, int quotaUsed, LocalDate validFrom, LocalDate expiresAt,
		LocalDate maintenanceExpiresAt, String status, Integer trialExtensions, String renews, LocalDate endsOn,
		Instant revokedAt, String revocationReason) {

	public boolean isRevoked() {
		return "REVOKED".equals(status);
	}

	public boolean isTrial() {
		return "TRIAL".equals(type);
	}

	public boolean isPerpetual() {
		return "PERPETUAL".equals(type);
	}

	/** The day the licence (annual, trial) or its maintenance (perpetual) ends. */
	public LocalDate ends() {
		return isPerpetual() ? maintenanceExpiresAt : expiresAt;
	}

	public String shortKey() {
		return key == null || key.length() <= 14 ? key : key.substring(0, 14) + "…";
	}

}
