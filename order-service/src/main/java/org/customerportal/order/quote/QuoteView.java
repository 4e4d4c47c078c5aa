package org.customerportal.order.quote;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;

record QuoteView(UUID id, UUID organizationId, List<LineView> lines, Money total, Instant createdAt,
		Instant expiresAt, UUID orderId) {

	record LineView(String product, String productName, LicenseType licenseType, int quota, int productVersion,
			Money unitPrice, Money amount) {
	}

	static QuoteView of(Quote quote) {
		String currency = quote.currency();
		return new QuoteView(quote.id(), quote.organizationId(),
				quote.lines()
					.stream()
					.map(line -> new LineView(line.product(), line.productName(), line.licenseType(), line.quota(),
							line.productVersion(), new Money(line.unitPrice(), currency),
							new Money(line.amount(), currency)))
					.toList(),
				quote.total(), quote.createdAt(), quote.expiresAt(), quote.orderId());
	}

}
