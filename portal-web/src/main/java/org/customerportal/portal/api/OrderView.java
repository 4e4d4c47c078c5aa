package org.customerportal.portal.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as {@code GET /api/orders/{id}} answers it; {@code paymentDueBy} is when an order awaiting a wire
 * transfer or check is cancelled unless paid, {@code cancellationReason} CUSTOMER or EXPIRED.
 */
public record OrderView(UUID id, UUID organizationId, String type, String status, List<Line> lines, Money total,
		String paymentMethod, List<Contact> contacts, UUID quoteId, String placedBy, Instant createdAt,
		Instant paidAt, Instant cancelledAt, String cancellationReason, Instant paymentDueBy) {

	public OrderView {
		lines = lines == null ? List.of() : lines;
		contacts = contacts == null ? List.of() : contacts;
	}

	public boolean awaitingPayment() {
		return "PENDING_PAYMENT".equals(status);
	}

	/** Cancelled because it was never paid by wire transfer or check. */
	public boolean expired() {
		return "CANCELLED".equals(status) && "EXPIRED".equals(cancellationReason);
	}

	/** The first eight characters of the id: what people read out on the phone. */
	public String reference() {
		return id.toString().substring(0, 8).toUpperCase();
	}

	public record Line(UUID lineId, String product, String productName, String licenseType, int quota, UUID licenseId,
			int productVersion, Money unitPrice, Money amount) {
	}

	public record Contact(String userId, String email, Instant addedAt) {
	}

}
