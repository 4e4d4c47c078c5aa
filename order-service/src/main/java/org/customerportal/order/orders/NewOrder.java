package org.customerportal.order.orders;

import java.util.List;
import java.util.UUID;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;

/**
 * An order to place, priced by whoever places it (a quote, a renewal, a quota expansion).
 *
 * @param quoteId the quote it comes from, if any: one order per quote
 * @param contactEmail the e-mail of the person placing it, its first contact
 */
public record NewOrder(UUID organizationId, UUID quoteId, OrderType type, List<Line> lines, String currency,
		PaymentMethod paymentMethod, String placedBy, String contactEmail) {

	public record Line(String product, String productName, LicenseType licenseType, int quota, UUID licenseId,
			int productVersion, Money unitPrice, Money amount) {
	}

}
