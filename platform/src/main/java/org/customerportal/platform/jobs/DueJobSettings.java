package org.customerportal.platform.jobs;

import java.time.Duration;

import org.customerportal.platform.retry.RetryBackOff;

/**
 * How one {@link DueJob} runs; each feature binds these from its own {@code @ConfigurationProperties}.
 * @param interval the pause between two runs (also before the first)
 * @param batchSize rows claimed at a time
 * @param maxAttempts failed attempts after which a row is given up; 0: never
 * @param backOff the wait before the next attempt after failures
 */
public record DueJobSettings(Duration interval, int batchSize, int maxAttempts, RetryBackOff backOff) {

	public DueJobSettings {
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("The interval of a job must be positive, not " + interval);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("The batch size of a job must be at least 1, not " + batchSize);
		}
		if (maxAttempts < 0) {
			throw new IllegalArgumentException("The attempts of a job must be 0 (no limit) or more, not " + maxAttempts);
		}
	}

}
