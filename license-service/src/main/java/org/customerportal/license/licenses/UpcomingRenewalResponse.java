package org.customerportal.license.licenses;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A licence whose term (annual) or maintenance (perpetual) ends within the window: the licence's fields as
 * every licence list shows them, plus what renewing it extends and when that ends.
 */
public record UpcomingRenewalResponse(@JsonUnwrapped LicenseResponse license, Renews renews, LocalDate endsOn) {

	public enum Renews {

		LICENSE, MAINTENANCE

	}

}
