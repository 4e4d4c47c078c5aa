package org.customerportal.portal.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.customerportal.portal.api.Money;

/**
 * A priced quote as {@code GET /api/quotes/{id}} answers it; {@code orderId} once it has been ordered. A
 * sales quote ({@code kind} SALES) carries who prepared it, a note and per-line discounts.
 */
public record QuoteView(UUID id, UUID organizationId, List<Line> lines, Money total, Instant createdAt,
		Instant expiresAt, UUID orderId, String kind, LocalDate validUntil, String note, String preparedBy,
		Money listTotal, Money discount) {

	public QuoteView {
		lines = lines == null ? List.of() : lines;
	}

	public String reference() {
		return id.toString().substring(0, 8).toUpperCase();
	}

	public boolean ordered() {
		return orderId != null;
	}

	public boolean discounted() {
		return discount != null && discount.amount() != null && discount.amount().signum() > 0;
	}

	/**
	 * @param discountPercent the discount as a percentage of {@code listAmount}, when given so
	 */
	public record Line(String product, String productName, String licenseType, int quota, Money unitPrice,
			Money amount, Money listAmount, Money discount, String discountPercent) {

		public boolean discounted() {
			return discount != null && discount.amount() != null && discount.amount().compareTo(BigDecimal.ZERO) > 0;
		}

	}

}
