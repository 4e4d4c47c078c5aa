package org.customerportal.order.payment;

import java.time.Duration;

import org.customerportal.platform.problem.PortalException;

import org.springframework.http.HttpStatus;

/**
 * 503 with {@code Retry-After}: the payment provider gave no answer, so the outcome of the payment is
 * not known yet (or it was not sent at all).
 */
class PaymentDelayedException extends PortalException {

	private final Duration retryAfter;

	PaymentDelayedException(String detail, Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, detail);
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return retryAfter;
	}

}
