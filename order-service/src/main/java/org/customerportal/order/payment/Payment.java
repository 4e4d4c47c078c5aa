package org.customerportal.order.payment;

import java.math.BigDecimal;
import java.net.URI;
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
 * says so). A pending payment is in flight (the provider has not answered yet: no reference), open on
 * the provider's hosted page (card, PayPal: with the page's address, until the provider's notification
 * says how it went), or, for a wire transfer or check, awaiting confirmation (with instructions).
 */
@Table("payment")
class Payment {

	static final String REPLACED = "Replaced by a new payment of the order before it was paid.";

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

	private final String createdBy;

	private final Instant createdAt;

	private Instant completedAt;

	private String confirmedBy;

	private String failureReason;

	private Instant providerAskedAt;

	// addresses as text: Spring Data JDBC maps no URI column type
	private final String returnUrl;

	private String redirectUrl;

	private String settlementReference;

	private String refundReference;

	private String refundedBy;

	private Instant refundedAt;

	@PersistenceCreator
	Payment(UUID id, Long version, UUID orderId, PaymentMethod method, PaymentStatus status, BigDecimal amount,
			String currency, String providerReference, String instructions, String createdBy, Instant createdAt,
			Instant completedAt, String confirmedBy, String failureReason, Instant providerAskedAt, String returnUrl,
			String redirectUrl, String settlementReference, String refundReference, String refundedBy,
			Instant refundedAt) {
		this.id = id;
		this.version = version;
		this.orderId = orderId;
		this.method = method;
		this.status = status;
		this.amount = amount;
		this.currency = currency;
		this.providerReference = providerReference;
		this.instructions = instructions;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.completedAt = completedAt;
		this.confirmedBy = confirmedBy;
		this.failureReason = failureReason;
		this.providerAskedAt = providerAskedAt;
		this.returnUrl = returnUrl;
		this.redirectUrl = redirectUrl;
		this.settlementReference = settlementReference;
		this.refundReference = refundReference;
		this.refundedBy = refundedBy;
		this.refundedAt = refundedAt;
	}

	/**
	 * A payment about to be sent to the provider under its id; it counts as pending (in flight) until
	 * the provider answers.
	 * @param returnUrl where the provider's page sends the browser back to (card, PayPal)
	 */
	static Payment start(UUID id, UUID orderId, PaymentMethod method, Money amount, URI returnUrl, String createdBy,
			Instant at) {
		return new Payment(id, null, orderId, method, PaymentStatus.PENDING, amount.amount(), amount.currency(), null,
				null, createdBy, at, null, null, null, at, returnUrl == null ? null : returnUrl.toString(), null, null, null, null, null);
	}

	/** Sent to the provider, or asked about again after its answer was lost. */
	void askingProvider(Instant at) {
		this.providerAskedAt = at;
	}

	/**
	 * A failed attempt of the same request is tried again under its id: the provider answers for that
	 * id, so a payment that went through is not made twice.
	 */
	void retry(Instant at) {
		if (status != PaymentStatus.FAILED) {
			throw new IllegalStateException("Only a failed payment is tried again, not a " + status + " one");
		}
		this.status = PaymentStatus.PENDING;
		this.failureReason = null;
		this.completedAt = null;
		this.providerAskedAt = at;
	}

	/** Pending and the provider has not answered yet (an open or awaiting payment has its reference). */
	boolean inFlight() {
		return status == PaymentStatus.PENDING && providerReference == null;
	}

	/** Pending on the provider's hosted page: the customer has not finished it (or its notification is on its way). */
	boolean onProviderPage() {
		return status == PaymentStatus.PENDING && redirectUrl != null;
	}

	/** The provider opened its hosted page for the payment. */
	void openedOnProviderPage(String reference, URI redirectUrl) {
		requireInFlight();
		this.providerReference = reference;
		this.redirectUrl = redirectUrl.toString();
	}

	void awaitingConfirmation(String reference, String instructions) {
		requireInFlight();
		this.providerReference = reference;
		this.instructions = instructions;
	}

	/** The provider refused to start it, or it never reached the provider; no money moved. */
	void failed(String reason, Instant at) {
		requireInFlight();
		fail(reason, at);
	}

	private void requireInFlight() {
		if (!inFlight()) {
			throw new IllegalStateException("Payment " + id + " is not waiting for the provider");
		}
	}

	/**
	 * The provider says the money moved. That holds whatever was recorded meanwhile (a decline that
	 * arrived first, a replacement by a newer payment): the caller checks that the order still waits
	 * for the money.
	 * @return false if it was already known (nothing changes)
	 */
	boolean settledByProvider(String reference, Instant at) {
		if (status == PaymentStatus.SUCCEEDED || status == PaymentStatus.REFUNDED) {
			return false;
		}
		requireProviderPage();
		this.status = PaymentStatus.SUCCEEDED;
		this.settlementReference = reference;
		this.failureReason = null;
		this.completedAt = at;
		return true;
	}

	/**
	 * The provider says the payment will not happen (declined, its page expired).
	 * @return false if the payment is no longer pending: a late or repeated failure changes nothing
	 */
	boolean failedAtProvider(String reason, Instant at) {
		requireProviderPage();
		if (status != PaymentStatus.PENDING) {
			return false;
		}
		fail(reason, at);
		return true;
	}

	private void requireProviderPage() {
		if (!method.paidOnProviderPage()) {
			throw new IllegalStateException("Payment " + id + " by " + method + " is not paid at the provider");
		}
	}

	private void fail(String reason, Instant at) {
		this.status = PaymentStatus.FAILED;
		this.failureReason = reason;
		this.completedAt = at;
	}

	/**
	 * A newer payment of the order replaces this pending one (its hosted page was left unfinished), or
	 * another payment of the order settled: it will not be paid.
	 */
	void replaced(Instant at) {
		if (status != PaymentStatus.PENDING) {
			throw new IllegalStateException("Payment " + id + " is not pending");
		}
		this.status = PaymentStatus.CANCELLED;
		this.failureReason = REPLACED;
		this.completedAt = at;
	}

	/** Support saw the money of a wire transfer or check arrive. */
	void confirm(String supportUserId, Instant at) {
		switch (status) {
			case SUCCEEDED, REFUNDED -> throw new ConflictException("This payment was already confirmed.");
			case CANCELLED -> throw new ConflictException(
					"This payment was cancelled and cannot be confirmed.");
			case FAILED -> throw new ConflictException("This payment failed and cannot be confirmed.");
			case PENDING -> {
			}
		}
		if (method.paidOnProviderPage()) {
			throw new BusinessRuleException("Only wire transfers and checks are confirmed by hand; card and PayPal "
					+ "payments are settled by the payment provider.");
		}
		this.status = PaymentStatus.SUCCEEDED;
		this.confirmedBy = supportUserId;
		this.completedAt = at;
	}

	/** Support may refund it: it is settled (a refunded payment answers as it is). */
	void requireRefundable() {
		switch (status) {
			case SUCCEEDED, REFUNDED -> {
			}
			case PENDING -> throw new ConflictException(
					"This payment has not been made yet, so there is nothing to refund. Cancel the order instead.");
			case CANCELLED, FAILED -> throw new ConflictException("No money moved for this payment: nothing to refund.");
		}
	}

	/** The money went back to the customer. */
	void refunded(String reference, String supportUserId, Instant at) {
		if (status != PaymentStatus.SUCCEEDED) {
			throw new IllegalStateException("Payment " + id + " is " + status + ", not settled");
		}
		this.status = PaymentStatus.REFUNDED;
		this.refundReference = reference;
		this.refundedBy = supportUserId;
		this.refundedAt = at;
	}

	/** The order was cancelled: a payment it was waiting for is void. */
	void cancel(Instant at) {
		if (inFlight()) {
			throw new IllegalStateException("Payment " + id + " is still with the provider");
		}
		if (status == PaymentStatus.PENDING) {
			status = PaymentStatus.CANCELLED;
			completedAt = at;
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

	URI returnUrl() {
		return returnUrl == null ? null : URI.create(returnUrl);
	}

	URI redirectUrl() {
		return redirectUrl == null ? null : URI.create(redirectUrl);
	}

	String settlementReference() {
		return settlementReference;
	}

	Instant refundedAt() {
		return refundedAt;
	}

}
