package org.customerportal.order.payment;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;
import org.customerportal.platform.problem.PortalException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The port to whoever moves the money; {@code portal.order.payments.provider} chooses the implementation
 * ({@code stripe}, or {@code simulated} for development, which moves none). Card and PayPal payments
 * happen on the provider's hosted page: starting one answers the page's address, and the provider's
 * signed notification (webhook) says later whether the money moved. Card data never reaches the
 * portal. Calls are made outside any database transaction, through a circuit breaker and a time
 * limiter.
 * <p>
 * An implementation must treat {@code paymentId} as its idempotency key: a start repeated with the
 * same id and the same details (after a timeout, or by the reconciler) answers the first one's result
 * and never opens a second payment; a refund repeated for the same payment refunds once.
 */
interface PaymentProvider {

	/** The provider's name: the value of {@code portal.order.payments.provider} and the webhook path's last segment. */
	String name();

	/** Starts a payment: the hosted page for card and PayPal, instructions for wire transfer and check. */
	Result start(Start start);

	/** Gives the money of a settled card or PayPal payment back. */
	RefundResult refund(Refund refund);

	/**
	 * Closes an unfinished hosted page so it can no longer be paid (the payment was replaced by a new
	 * attempt). Best effort: the page also expires by itself at {@link Start#expiresAt()}.
	 */
	void expire(String reference);

	/**
	 * Checks a notification's signature and freshness and reads it.
	 * @throws InvalidNotificationException if it is not signed by the provider, or too old (a replay)
	 */
	Notification verify(String payload, HttpHeaders headers);

	/**
	 * @param returnUrl where the provider's page sends the browser back to
	 * @param expiresAt when the hosted page stops taking the payment
	 */
	record Start(UUID paymentId, UUID orderId, Money amount, PaymentMethod method, URI returnUrl, Instant expiresAt) {
	}

	sealed interface Result {
	}

	/** The customer pays on the provider's page at {@code redirectUrl}; a notification says how it went. */
	record Redirect(String reference, URI redirectUrl) implements Result {
	}

	/** The customer sends the money themselves (wire transfer, check); support confirms it. */
	record AwaitingConfirmation(String reference, String instructions) implements Result {
	}

	/** Refused; {@code reason} is the sentence the customer reads. */
	record Declined(String reason) implements Result {
	}

	/** @param reference the provider's reference of the settled payment (what a refund names) */
	record Refund(UUID paymentId, String reference, Money amount) {
	}

	sealed interface RefundResult {
	}

	record Refunded(String reference) implements RefundResult {
	}

	/** Refused; {@code reason} is the sentence support reads. */
	record RefundRefused(String reason) implements RefundResult {
	}

	/**
	 * What a verified notification says.
	 * @param eventId the provider's id of the notification: each is applied once
	 * @param paymentId our payment it is about; null if it names none of ours
	 * @param reference for a success, the provider's reference of the settled payment
	 * @param reason for a failure, the sentence the customer reads
	 */
	record Notification(String eventId, String type, UUID paymentId, Outcome outcome, String reference, String reason) {

		static Notification ignored(String eventId, String type) {
			return new Notification(eventId, type, null, Outcome.IGNORED, null, null);
		}

	}

	enum Outcome {

		/** The money moved. */
		SUCCEEDED,

		/** The payment will not happen: declined, or its page expired. No money moved. */
		FAILED,

		/** Nothing for the portal to do (another kind of event, or one still waiting for the money). */
		IGNORED

	}

	/** A notification whose signature or freshness does not hold: nothing is changed. */
	final class InvalidNotificationException extends PortalException {

		InvalidNotificationException(String why) {
			super(HttpStatus.BAD_REQUEST,
					"The notification could not be verified: " + why + ". Nothing was changed.");
		}

	}

}
