package org.customerportal.order.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;
import org.customerportal.platform.problem.ConflictException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One payment of an order. At most one per order is settled or pending at any time (a unique index
 * says so).
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

	@PersistenceCreator
	Payment(UUID id, Long version, UUID orderId, PaymentMethod method, PaymentStatus status, BigDecimal amount,
			String currency, String providerReference, String instructions, String cardLast4, String createdBy,
			Instant createdAt, Instant completedAt, String confirmedBy) {
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
	}

	/** A payment being made; it counts as pending until the provider answers. */
	static Payment start(UUID orderId, PaymentMethod method, Money amount, String cardLast4, String createdBy,
			Instant at) {
		return new Payment(UUID.randomUUID(), null, orderId, method, PaymentStatus.PENDING, amount.amount(),
				amount.currency(), null, null, cardLast4, createdBy, at, null, null);
	}

	void settled(String reference, Instant at) {
		this.status = PaymentStatus.SUCCEEDED;
		this.providerReference = reference;
		this.completedAt = at;
	}

	void awaitingConfirmation(String reference, String instructions) {
		this.providerReference = reference;
		this.instructions = instructions;
	}

	/** Support saw the money arrive. */
	void confirm(String supportUserId, Instant at) {
		switch (status) {
			case SUCCEEDED -> throw new ConflictException("This payment was already confirmed.");
			case CANCELLED -> throw new ConflictException(
					"This payment was cancelled with its order and cannot be confirmed.");
			case PENDING -> {
			}
		}
		this.status = PaymentStatus.SUCCEEDED;
		this.confirmedBy = supportUserId;
		this.completedAt = at;
	}

	void cancel() {
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

}
