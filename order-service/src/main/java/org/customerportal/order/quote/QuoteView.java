package org.customerportal.order.quote;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;

/**
 * A quote as the API shows it. {@code kind} SALES: made by the vendor's sales staff ({@code preparedBy}),
 * with {@code note} and per-line discounts; {@code validUntil} is the last day it can be ordered.
 */
record QuoteView(UUID id, UUID organizationId, List<LineView> lines, Money total, Instant createdAt,
		Instant expiresAt, UUID orderId, Quote.Kind kind, LocalDate validUntil, String note, String preparedBy,
		Money listTotal, Money discount) {

	/**
	 * @param listAmount the line at its unit price; {@code amount} is what it costs after {@code discount}
	 * @param discountPercent the discount as a percentage (a decimal string) of {@code listAmount}, if it was given so
	 */
	record LineView(String product, String productName, LicenseType licenseType, int quota, int productVersion,
			Money unitPrice, Money amount, Money listAmount, Money discount, String discountPercent) {
	}

	static QuoteView of(Quote quote) {
		String currency = quote.currency();
		List<LineView> lines = quote.lines()
			.stream()
			.map(line -> new LineView(line.product(), line.productName(), line.licenseType(), line.quota(),
					line.productVersion(), new Money(line.unitPrice(), currency), new Money(line.amount(), currency),
					new Money(line.listAmount(), currency), new Money(line.discount(), currency),
					line.discountPercent() == null ? null : line.discountPercent().stripTrailingZeros().toPlainString()))
			.toList();
		Money listTotal = lines.stream().map(LineView::listAmount).reduce(Money.zero(currency), Money::plus);
		Money discount = lines.stream().map(LineView::discount).reduce(Money.zero(currency), Money::plus);
		return new QuoteView(quote.id(), quote.organizationId(), lines, quote.total(), quote.createdAt(),
				quote.expiresAt(), quote.orderId(), quote.kind(), quote.lastDay(), quote.note(),
				quote.preparedByName(), listTotal, discount);
	}

}
