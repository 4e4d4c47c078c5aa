package org.customerportal.order.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;
import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

/**
 * What order-service tells other services and billing systems on {@code portal.order.events}, keyed by
 * order id. The JSON Schemas under {@code resources/events} and the AsyncAPI document under
 * {@code resources/asyncapi} describe them; a change that would break a reader needs a new type
 * version.
 */
public final class OrderEvents {

	public static final String TOPIC = "portal.order.events";

	private OrderEvents() {
	}

	/** An order line as billing reads it. */
	public record Line(UUID lineId, String product, String productName, LicenseType licenseType, int quota,
			UUID licenseId, int productVersion, Money amount) {

		static Line of(OrderLine line, String currency) {
			return new Line(line.lineId(), line.product(), line.productName(), line.licenseType(), line.quota(),
					line.licenseId(), line.productVersion(), new Money(line.amount(), currency));
		}

		static List<Line> of(Order order) {
			return order.lines().stream().map(line -> of(line, order.currency())).toList();
		}

	}

	public record Contact(String userId, String email) {

		static List<Contact> of(Order order) {
			return order.contacts().stream().map(contact -> new Contact(contact.userId(), contact.email())).toList();
		}

	}

	@PortalEvent(topic = TOPIC, type = "portal.order.placed.v1")
	public record OrderPlaced(UUID eventId, Instant occurredAt, UUID orderId, UUID organizationId, OrderType type,
			OrderStatus status, List<Line> lines, Money total, PaymentMethod paymentMethod, List<Contact> contacts,
			String placedBy, Instant placedAt) implements IntegrationEvent {

		static OrderPlaced of(Order order) {
			return new OrderPlaced(IntegrationEvent.newEventId(), order.createdAt(), order.id(), order.organizationId(),
					order.type(), order.status(), Line.of(order), order.total(), order.paymentMethod(),
					Contact.of(order), order.placedBy(), order.createdAt());
		}

		@Override
		public String subject() {
			return orderId.toString();
		}

	}

	/** Self-contained for billing: everything about the sale without calling back. */
	@PortalEvent(topic = TOPIC, type = "portal.order.paid.v1")
	public record OrderPaid(UUID eventId, Instant occurredAt, UUID orderId, UUID organizationId, OrderType type,
			List<Line> lines, Money total, PaymentMethod paymentMethod, UUID paymentId, Instant paidAt,
			List<Contact> contacts) implements IntegrationEvent {

		static OrderPaid of(Order order) {
			return new OrderPaid(IntegrationEvent.newEventId(), order.paidAt(), order.id(), order.organizationId(),
					order.type(), Line.of(order), order.total(), order.paymentMethod(), order.paymentId(),
					order.paidAt(), Contact.of(order));
		}

		@Override
		public String subject() {
			return orderId.toString();
		}

	}

	@PortalEvent(topic = TOPIC, type = "portal.order.cancelled.v1")
	public record OrderCancelled(UUID eventId, Instant occurredAt, UUID orderId, UUID organizationId,
			String cancelledBy, Instant cancelledAt) implements IntegrationEvent {

		static OrderCancelled of(Order order) {
			return new OrderCancelled(IntegrationEvent.newEventId(), order.cancelledAt(), order.id(),
					order.organizationId(), order.cancelledBy(), order.cancelledAt());
		}

		@Override
		public String subject() {
			return orderId.toString();
		}

	}

	@PortalEvent(topic = TOPIC, type = "portal.order.contact-added.v1")
	public record OrderContactAdded(UUID eventId, Instant occurredAt, UUID orderId, UUID organizationId,
			String userId, String email) implements IntegrationEvent {

		static OrderContactAdded of(Order order, OrderContact contact, Instant at) {
			return new OrderContactAdded(IntegrationEvent.newEventId(), at, order.id(), order.organizationId(),
					contact.userId(), contact.email());
		}

		@Override
		public String subject() {
			return orderId.toString();
		}

	}

	@PortalEvent(topic = TOPIC, type = "portal.order.contact-removed.v1")
	public record OrderContactRemoved(UUID eventId, Instant occurredAt, UUID orderId, UUID organizationId,
			String userId, String email) implements IntegrationEvent {

		static OrderContactRemoved of(Order order, OrderContact contact, Instant at) {
			return new OrderContactRemoved(IntegrationEvent.newEventId(), at, order.id(), order.organizationId(),
					contact.userId(), contact.email());
		}

		@Override
		public String subject() {
			return orderId.toString();
		}

	}

}
