package org.customerportal.license.licenses;

import java.time.LocalDate;

/**
 * A licence whose term (annual) or maintenance (perpetual) ends within the window: what renewing it
 * extends, and when that ends.
 */
public record UpcomingRenewalResponse(LicenseResponse license, Renews renews, LocalDate endsOn) {

	public enum Renews {

		LICENSE, MAINTENANCE

	}

}
