package org.customerportal.order.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One payment of an order. At most one per order is settled or pending at any time (a unique index
 * says so). A pending payment is either in flight (the provider has not answered yet: no reference)
 * or, for a wire transfer or check, awaiting confirmation (with the provider's reference and
 * instructions).
 */
@Table("payment")
class Payment {

	@Id
	private final UUID id;

	@Version
	private Long version;

	private final UUID orderId;

	private final PaymentMethod method;

	private PaymentStatus status;

	private final BigDecimal amount;

	private final String currency;

	private String providerReference;

	private String instructions;

	private final String cardLast4;

	private final String createdBy;

	private final Instant createdAt;

	private Instant completedAt;

	private String confirmedBy;

	private String failureReason;

	private Instant providerAskedAt;

	@PersistenceCreator
	Payment(UUID id, Long version, UUID orderId, PaymentMethod method, PaymentStatus status, BigDecimal amount,
			String currency, String providerReference, String instructions, String cardLast4, String createdBy,
			Instant createdAt, Instant completedAt, String confirmedBy, String failureReason, Instant providerAskedAt) {
		this.id = id;
		this.version = version;
		this.orderId = orderId;
		this.method = method;
		this.status = status;
		this.amount = amount;
		this.currency = currency;
		this.providerReference = providerReference;
		this.instructions = instructions;
		this.cardLast4 = cardLast4;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.completedAt = completedAt;
		this.confirmedBy = confirmedBy;
		this.failureReason = failureReason;
		this.providerAskedAt = providerAskedAt;
	}

	/**
	 * A payment about to be sent to the provider under its id; it counts as pending (in flight) until
	 * the provider answers.
	 */
	static Payment start(UUID id, UUID orderId, PaymentMethod method, Money amount, String cardLast4, String createdBy,
			Instant at) {
		return new Payment(id, null, orderId, method, PaymentStatus.PENDING, amount.amount(), amount.currency(), null,
				null, cardLast4, createdBy, at, null, null, null, at);
	}

	/** Sent to the provider, or asked about again after its answer was lost. */
	void askingProvider(Instant at) {
		this.providerAskedAt = at;
	}

	/**
	 * A failed attempt of the same request is tried again under its id: the provider answers for that
	 * id, so a charge that went through is not made twice.
	 */
	void retry(Instant at) {
		if (status != PaymentStatus.FAILED) {
			throw new IllegalStateException("Only a failed payment is tried again, not a " + status + " one");
		}
		this.status = PaymentStatus.PENDING;
		this.failureReason = null;
		this.providerAskedAt = at;
	}

	/** Pending and the provider has not answered yet (a pending wire transfer or check has its reference). */
	boolean inFlight() {
		return status == PaymentStatus.PENDING && providerReference == null;
	}

	void settled(String reference, Instant at) {
		requireInFlight();
		this.status = PaymentStatus.SUCCEEDED;
		this.providerReference = reference;
		this.completedAt = at;
	}

	void awaitingConfirmation(String reference, String instructions) {
		requireInFlight();
		this.providerReference = reference;
		this.instructions = instructions;
	}

	/** The provider refused it, or it never reached the provider; no money moved. */
	void failed(String reason, Instant at) {
		requireInFlight();
		this.status = PaymentStatus.FAILED;
		this.failureReason = reason;
		this.completedAt = at;
	}

	private void requireInFlight() {
		if (!inFlight()) {
			throw new IllegalStateException("Payment " + id + " is not waiting for the provider");
		}
	}

	/** Support saw the money of a wire transfer or check arrive. */
	void confirm(String supportUserId, Instant at) {
		switch (status) {
			case SUCCEEDED -> throw new ConflictException("This payment was already confirmed.");
			case CANCELLED -> throw new ConflictException(
					"This payment was cancelled with its order and cannot be confirmed.");
			case FAILED -> throw new ConflictException("This payment failed and cannot be confirmed.");
			case PENDING -> {
			}
		}
		if (method != PaymentMethod.WIRE_TRANSFER && method != PaymentMethod.CHECK) {
			throw new BusinessRuleException("Only wire transfers and checks are confirmed by hand; card and PayPal "
					+ "payments are settled by the payment provider.");
		}
		this.status = PaymentStatus.SUCCEEDED;
		this.confirmedBy = supportUserId;
		this.completedAt = at;
	}

	/** The order was cancelled: a wire transfer or check it was waiting for is void. */
	void cancel() {
		if (inFlight()) {
			throw new IllegalStateException("Payment " + id + " is still with the provider");
		}
		if (status == PaymentStatus.PENDING) {
			status = PaymentStatus.CANCELLED;
		}
	}

	UUID id() {
		return id;
	}

	UUID orderId() {
		return orderId;
	}

	PaymentMethod method() {
		return method;
	}

	PaymentStatus status() {
		return status;
	}

	Money amount() {
		return new Money(amount, currency);
	}

	String providerReference() {
		return providerReference;
	}

	String instructions() {
		return instructions;
	}

	String cardLast4() {
		return cardLast4;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant completedAt() {
		return completedAt;
	}

	String failureReason() {
		return failureReason;
	}

	Instant providerAskedAt() {
		return providerAskedAt;
	}

}
