package org.customerportal.order.license;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.customerportal.order.LicenseType;

/**
 * A licence as license-service last described it: the order it came from and what it covers now.
 *
 * @param type {@code ANNUAL}, {@code PERPETUAL} or {@code TRIAL}
 * @param revoked support revoked it (and has not reinstated it): no order may renew or expand it
 */
public record LicenseRecord(UUID licenseId, UUID orderId, UUID organizationId, String product, String type,
		Integer productVersion, int quota, LocalDate expiresAt, LocalDate maintenanceExpiresAt, boolean expired,
		boolean revoked) {

	/** The licence type as sold, or empty for a trial. */
	public Optional<LicenseType> purchasedType() {
		return switch (type) {
			case "ANNUAL" -> Optional.of(LicenseType.ANNUAL);
			case "PERPETUAL" -> Optional.of(LicenseType.PERPETUAL);
			default -> Optional.empty();
		};
	}

	/** An annual licence past its end date (a perpetual licence never runs out, its maintenance may). */
	public boolean expiredOn(LocalDate today) {
		return expired || (expiresAt != null && expiresAt.isBefore(today));
	}

}
