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
			String placedBy, Instant placedAt, Instant paymentDueBy) implements IntegrationEvent {

		static OrderPlaced of(Order order) {
			return new OrderPlaced(IntegrationEvent.newEventId(), order.createdAt(), order.id(), order.organizationId(),
					order.type(), order.status(), Line.of(order), order.total(), order.paymentMethod(),
					Contact.of(order), order.placedBy(), order.createdAt(), order.paymentDueBy());
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
			String cancelledBy, Instant cancelledAt, Order.CancellationReason reason) implements IntegrationEvent {

		static OrderCancelled of(Order order) {
			return new OrderCancelled(IntegrationEvent.newEventId(), order.cancelledAt(), order.id(),
					order.organizationId(), order.cancelledBy(), order.cancelledAt(), order.cancellationReason());
		}

		@Override
		public String subject() {
			return orderId.toString();
		}

	}

	/**
	 * A wire transfer or check was chosen at the payment step of an order placed with another method: the
	 * order waits for the money until {@code paymentDueBy}, and its contacts are to be told how to pay.
	 */
	@PortalEvent(topic = TOPIC, type = "portal.order.awaiting-payment.v1")
	public record OrderAwaitingPayment(UUID eventId, Instant occurredAt, UUID orderId, UUID organizationId,
			OrderType type, OrderStatus status, List<Line> lines, Money total, PaymentMethod paymentMethod,
			List<Contact> contacts, Instant paymentDueBy) implements IntegrationEvent {

		static OrderAwaitingPayment of(Order order, Instant now) {
			return new OrderAwaitingPayment(IntegrationEvent.newEventId(), now, order.id(), order.organizationId(),
					order.type(), order.status(), Line.of(order), order.total(), order.paymentMethod(),
					Contact.of(order), order.paymentDueBy());
		}

		@Override
		public String subject() {
			return orderId.toString();
		}

	}

	/**
	 * An order awaiting a wire transfer or check is still unpaid some days before {@code paymentDueBy}, when
	 * it will be cancelled with reason EXPIRED: its contacts are reminded to pay.
	 */
	@PortalEvent(topic = TOPIC, type = "portal.order.payment-reminder.v1")
	public record OrderPaymentReminder(UUID eventId, Instant occurredAt, UUID orderId, UUID organizationId,
			OrderType type, Money total, PaymentMethod paymentMethod, List<Contact> contacts, Instant paymentDueBy)
			implements IntegrationEvent {

		static OrderPaymentReminder of(Order order, Instant now) {
			return new OrderPaymentReminder(IntegrationEvent.newEventId(), now, order.id(), order.organizationId(),
					order.type(), order.total(), order.paymentMethod(), Contact.of(order), order.paymentDueBy());
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
