package org.customerportal.order.quote;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;
import org.customerportal.order.orders.OrderEvents;
import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * A sales quote was sent to people of the company: notification-service mails each recipient a link to
 * the quote's page. On the order topic, keyed by quote id (the order it may become has its own key).
 */
@PortalEvent(topic = OrderEvents.TOPIC, type = "portal.quote.sent.v1")
record QuoteSent(UUID eventId, Instant occurredAt, UUID quoteId, UUID organizationId, String organizationName,
		List<Recipient> recipients, List<Line> lines, Money total, Money discount, LocalDate validUntil,
		Instant expiresAt, String note, String sentBy, String sentByName) implements IntegrationEvent {

	record Recipient(String userId, String email, String name, boolean primaryContact) {
	}

	record Line(String product, String productName, LicenseType licenseType, int quota, Money listAmount,
			Money discount, String discountPercent, Money amount) {
	}

	static QuoteSent of(QuoteView quote, String organizationName, List<Recipient> recipients, String sentBy) {
		List<Line> lines = quote.lines()
			.stream()
			.map(line -> new Line(line.product(), line.productName(), line.licenseType(), line.quota(),
					line.listAmount(), line.discount(), line.discountPercent(), line.amount()))
			.toList();
		return new QuoteSent(IntegrationEvent.newEventId(), quote.createdAt(), quote.id(), quote.organizationId(),
				organizationName, recipients, lines, quote.total(), quote.discount(), quote.validUntil(),
				quote.expiresAt(), quote.note(), sentBy, quote.preparedBy());
	}

	@Override
	public String subject() {
		return quoteId.toString();
	}

}
