package org.customerportal.platform.retry;

import java.time.Duration;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one back-off of the portal: the first wait, doubled after each further failure, never longer
 * than the longest. Spring's {@link ExponentialBackOff} does the arithmetic; this type adds what work
 * kept in the database needs, the wait after a given number of failed attempts (the count lives in a
 * row, not in a running {@link BackOffExecution}).
 * @param first the wait after the first failure
 * @param max the longest wait
 */
public record RetryBackOff(Duration first, Duration max) {

	public RetryBackOff {
		if (first == null || first.isNegative() || first.isZero()) {
			throw new IllegalArgumentException("The first wait of a back-off must be positive, not " + first);
		}
		if (max == null || max.compareTo(first) < 0) {
			throw new IllegalArgumentException(
					"The longest wait of a back-off (" + max + ") must not be shorter than the first (" + first + ")");
		}
	}

	/** Spring's form, for retries that run in memory (e.g. a Kafka listener's error handler). */
	public ExponentialBackOff toExponentialBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(first.toMillis(), 2.0);
		backOff.setMaxInterval(max.toMillis());
		return backOff;
	}

	/** The same, stopping after the given number of retries. */
	public ExponentialBackOff toExponentialBackOff(int maxRetries) {
		ExponentialBackOff backOff = toExponentialBackOff();
		backOff.setMaxAttempts(maxRetries);
		return backOff;
	}

	/** The wait before the next attempt after {@code failedAttempts} failures (at least one). */
	public Duration after(int failedAttempts) {
		BackOffExecution execution = toExponentialBackOff().start();
		long wait = execution.nextBackOff();
		for (int i = 1; i < failedAttempts && wait < max.toMillis(); i++) {
			wait = execution.nextBackOff();
		}
		return Duration.ofMillis(wait);
	}

}
