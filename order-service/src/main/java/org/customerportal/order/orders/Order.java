package org.customerportal.order.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An order: what was bought, for which organisation, its state of payment and its contact list. Only
 * its contacts (and support) see it; it always keeps at least one contact while a person can act on
 * it.
 */
@Table("orders")
class Order {

	/** Who cancelled an order that expired unpaid: no person, the service. */
	static final String EXPIRED_BY = "order-service";

	/** Why an order was cancelled. */
	enum CancellationReason {

		/** A contact cancelled it. */
		CUSTOMER,
		/** It was never paid by wire transfer or check and ran out. */
		EXPIRED

	}

	@Id
	private final UUID id;

	@Version
	private Long version;

	private final UUID organizationId;

	private final UUID quoteId;

	private final OrderType type;

	private OrderStatus status;

	private final BigDecimal totalAmount;

	private final String currency;

	private PaymentMethod paymentMethod;

	private final String placedBy;

	private final Instant createdAt;

	private Instant paidAt;

	private UUID paymentId;

	private Instant cancelledAt;

	private String cancelledBy;

	private CancellationReason cancellationReason;

	private Instant paymentDueBy;

	private Instant paymentReminderSentAt;

	@MappedCollection(idColumn = "order_id", keyColumn = "position")
	private final List<OrderLine> lines;

	@MappedCollection(idColumn = "order_id", keyColumn = "position")
	private final List<OrderContact> contacts;

	@PersistenceCreator
	Order(UUID id, Long version, UUID organizationId, UUID quoteId, OrderType type, OrderStatus status,
			BigDecimal totalAmount, String currency, PaymentMethod paymentMethod, String placedBy, Instant createdAt,
			Instant paidAt, UUID paymentId, Instant cancelledAt, String cancelledBy,
			CancellationReason cancellationReason, Instant paymentDueBy, Instant paymentReminderSentAt,
			List<OrderLine> lines, List<OrderContact> contacts) {
		this.id = id;
		this.version = version;
		this.organizationId = organizationId;
		this.quoteId = quoteId;
		this.type = type;
		this.status = status;
		this.totalAmount = totalAmount;
		this.currency = currency;
		this.paymentMethod = paymentMethod;
		this.placedBy = placedBy;
		this.createdAt = createdAt;
		this.paidAt = paidAt;
		this.paymentId = paymentId;
		this.cancelledAt = cancelledAt;
		this.cancelledBy = cancelledBy;
		this.cancellationReason = cancellationReason;
		this.paymentDueBy = paymentDueBy;
		this.paymentReminderSentAt = paymentReminderSentAt;
		this.lines = new ArrayList<>(lines);
		this.contacts = new ArrayList<>(contacts);
	}

	/**
	 * A new order awaiting payment, its total the sum of its lines, the person placing it its first
	 * contact.
	 */
	static Order place(UUID organizationId, UUID quoteId, OrderType type, List<OrderLine> lines, String currency,
			PaymentMethod paymentMethod, OrderContact placedBy) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("An order needs at least one line");
		}
		Money total = Money.zero(currency);
		for (OrderLine line : lines) {
			total = total.plus(new Money(line.amount(), currency));
		}
		return new Order(UUID.randomUUID(), null, organizationId, quoteId, type, OrderStatus.PENDING_PAYMENT,
				total.amount(), currency, paymentMethod, placedBy.userId(), placedBy.addedAt(), null, null, null, null,
				null, null, null, lines, List.of(placedBy));
	}

	boolean isContact(String userId) {
		return contacts.stream().anyMatch(contact -> contact.userId().equals(userId));
	}

	boolean visibleTo(CurrentUser caller) {
		return caller.isSupport() || isContact(caller.subject());
	}

	/** Refuses a payment unless the order is waiting for one. */
	void assertPayable() {
		String refusal = notPayableBecause();
		if (refusal != null) {
			throw new ConflictException(refusal);
		}
	}

	/** Why the order cannot be paid, or null if it is waiting for a payment. */
	String notPayableBecause() {
		return switch (status) {
			case PAID -> "This order is already paid.";
			case CANCELLED -> "This order was cancelled and can no longer be paid. Place a new order instead.";
			case PENDING_PAYMENT -> null;
		};
	}

	void paymentChosen(PaymentMethod method) {
		this.paymentMethod = method;
	}

	/**
	 * The first time a wire transfer or check is chosen for this unpaid order, it is given until
	 * {@code dueBy} to be paid; true then (the customer is to be told how to pay), false when the method
	 * is paid on the provider's page or one of these was chosen before.
	 */
	boolean awaitOfflinePayment(Instant dueBy) {
		if (status != OrderStatus.PENDING_PAYMENT || paymentMethod == null || paymentMethod.paidOnProviderPage()
				|| paymentDueBy != null) {
			return false;
		}
		paymentDueBy = dueBy;
		return true;
	}

	/** Whether the reminder to pay is due at that time (once, for an unpaid order with a due date). */
	boolean paymentReminderDue(Instant at, Duration before) {
		return status == OrderStatus.PENDING_PAYMENT && paymentDueBy != null && paymentReminderSentAt == null
				&& !at.isBefore(paymentDueBy.minus(before)) && at.isBefore(paymentDueBy);
	}

	void paymentReminderSent(Instant at) {
		paymentReminderSentAt = at;
	}

	/** Cancels an order still unpaid at its due date; false if it is paid, cancelled or not yet due. */
	boolean expire(Instant at) {
		if (status != OrderStatus.PENDING_PAYMENT || paymentDueBy == null || at.isBefore(paymentDueBy)) {
			return false;
		}
		status = OrderStatus.CANCELLED;
		cancelledAt = at;
		cancelledBy = EXPIRED_BY;
		cancellationReason = CancellationReason.EXPIRED;
		return true;
	}

	void markPaid(UUID paymentId, PaymentMethod method, Instant at) {
		assertPayable();
		this.status = OrderStatus.PAID;
		this.paymentId = paymentId;
		this.paymentMethod = method;
		this.paidAt = at;
	}

	/** Cancels an unpaid order; false if it was cancelled already (nothing changes then). */
	boolean cancel(String userId, Instant at) {
		switch (status) {
			case PAID -> throw new ConflictException(
					"This order is already paid and cannot be cancelled. Contact support if you need a refund.");
			case CANCELLED -> {
				return false;
			}
			case PENDING_PAYMENT -> {
			}
		}
		this.status = OrderStatus.CANCELLED;
		this.cancelledBy = userId;
		this.cancelledAt = at;
		this.cancellationReason = CancellationReason.CUSTOMER;
		return true;
	}

	OrderContact addContact(String userId, String email, Instant at) {
		if (isContact(userId)) {
			throw new ConflictException(email + " is already a contact of this order.");
		}
		OrderContact contact = new OrderContact(userId, email, at);
		contacts.add(contact);
		return contact;
	}

	/** Takes a person off the contact list at a contact's request: the last one stays. */
	OrderContact removeContact(String userId) {
		OrderContact contact = contact(userId)
			.orElseThrow(() -> new NotFoundException("This person is not a contact of this order."));
		if (contacts.size() == 1) {
			throw new BusinessRuleException(
					"An order needs at least one contact. Add another contact before removing this one.");
		}
		contacts.remove(contact);
		return contact;
	}

	/** Takes a person off the contact list because they left the organisation, even the last one. */
	Optional<OrderContact> dropContact(String userId) {
		Optional<OrderContact> contact = contact(userId);
		contact.ifPresent(contacts::remove);
		return contact;
	}

	private Optional<OrderContact> contact(String userId) {
		return contacts.stream().filter(contact -> contact.userId().equals(userId)).findFirst();
	}

	Money total() {
		return new Money(totalAmount, currency);
	}

	UUID id() {
		return id;
	}

	Long version() {
		return version;
	}

	UUID organizationId() {
		return organizationId;
	}

	UUID quoteId() {
		return quoteId;
	}

	OrderType type() {
		return type;
	}

	OrderStatus status() {
		return status;
	}

	String currency() {
		return currency;
	}

	PaymentMethod paymentMethod() {
		return paymentMethod;
	}

	String placedBy() {
		return placedBy;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant paidAt() {
		return paidAt;
	}

	UUID paymentId() {
		return paymentId;
	}

	Instant cancelledAt() {
		return cancelledAt;
	}

	String cancelledBy() {
		return cancelledBy;
	}

	CancellationReason cancellationReason() {
		return cancellationReason;
	}

	Instant paymentDueBy() {
		return paymentDueBy;
	}

	List<OrderLine> lines() {
		return List.copyOf(lines);
	}

	List<OrderContact> contacts() {
		return List.copyOf(contacts);
	}

}
