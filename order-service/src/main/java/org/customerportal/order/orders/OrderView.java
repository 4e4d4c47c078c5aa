package org.customerportal.order.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;

/**
 * An order as the API answers it. {@code cancellationReason} is CUSTOMER or EXPIRED for a cancelled order;
 * {@code paymentDueBy} is when an order awaiting a wire transfer or check is cancelled if still unpaid.
 */
public record OrderView(UUID id, UUID organizationId, OrderType type, OrderStatus status, List<LineView> lines,
		Money total, PaymentMethod paymentMethod, List<ContactView> contacts, UUID quoteId, String placedBy,
		Instant createdAt, Instant paidAt, Instant cancelledAt, String cancellationReason, Instant paymentDueBy) {

	public record LineView(UUID lineId, String product, String productName, LicenseType licenseType, int quota,
			UUID licenseId, int productVersion, Money unitPrice, Money amount) {
	}

	public record ContactView(String userId, String email, Instant addedAt) {

		static ContactView of(OrderContact contact) {
			return new ContactView(contact.userId(), contact.email(), contact.addedAt());
		}

	}

	static OrderView of(Order order) {
		String currency = order.currency();
		return new OrderView(order.id(), order.organizationId(), order.type(), order.status(),
				order.lines()
					.stream()
					.map(line -> new LineView(line.lineId(), line.product(), line.productName(), line.licenseType(),
							line.quota(), line.licenseId(), line.productVersion(), new Money(line.unitPrice(), currency),
							new Money(line.amount(), currency)))
					.toList(),
				order.total(), order.paymentMethod(), order.contacts().stream().map(ContactView::of).toList(),
				order.quoteId(), order.placedBy(), order.createdAt(), order.paidAt(), order.cancelledAt(),
				order.cancellationReason() == null ? null : order.cancellationReason().name(), order.paymentDueBy());
	}

}
