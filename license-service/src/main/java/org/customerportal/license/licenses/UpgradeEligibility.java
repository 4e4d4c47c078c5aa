package org.customerportal.license.licenses;

/**
 * Whether a licence may be upgraded for free, and the reason in words a customer can act on.
 */
public record UpgradeEligibility(boolean eligible, String reason) {

	static UpgradeEligibility yes(String reason) {
		return new UpgradeEligibility(true, reason);
	}

	static UpgradeEligibility no(String reason) {
		return new UpgradeEligibility(false, reason);
	}

}
