package org.customerportal.portal.purchase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.customerportal.portal.api.Money;

/** A priced quote as {@code GET /api/quotes/{id}} answers it; {@code orderId} once it has been ordered. */
record QuoteView(UUID id, UUID organizationId, List<Line> lines, Money total, Instant createdAt, Instant expiresAt,
		UUID orderId) {

	QuoteView {
		lines = lines == null ? List.of() : lines;
	}

	public String reference() {
		return id.toString().substring(0, 8).toUpperCase();
	}

	public boolean ordered() {
		return orderId != null;
	}

	record Line(String product, String productName, String licenseType, int quota, Money unitPrice, Money amount) {
	}

}
