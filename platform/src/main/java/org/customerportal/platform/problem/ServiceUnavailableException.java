package org.customerportal.platform.problem;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A dependency did not answer (a payment provider, another system): 503 with {@code Retry-After}, so
 * the caller knows when to try again.
 */
public class ServiceUnavailableException extends PortalException {

	private final Duration retryAfter;

	public ServiceUnavailableException(String detail, Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, detail);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	/** Whole seconds, rounded up, at least one: the value of the {@code Retry-After} header. */
	public long retryAfterSeconds() {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

}
