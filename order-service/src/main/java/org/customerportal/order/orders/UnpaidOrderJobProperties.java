package org.customerportal.order.orders;

import java.time.Duration;

import org.customerportal.platform.jobs.DueJobSettings;
import org.customerportal.platform.retry.RetryBackOff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job that reminds of and expires unpaid orders, a durable job of the platform.
 * @param checkInterval how often the job looks for orders to remind of or to expire
 * @param batchSize orders claimed at a time
 * @param firstRetry the wait after handling an order failed, doubled after each further failure
 * @param maxRetry the longest such wait; an order is never given up
 */
@ConfigurationProperties("portal.order.unpaid")
record UnpaidOrderJobProperties(@DefaultValue("15m") Duration checkInterval, @DefaultValue("50") int batchSize,
		@DefaultValue("1m") Duration firstRetry, @DefaultValue("1h") Duration maxRetry) {

	DueJobSettings job() {
		return new DueJobSettings(checkInterval, batchSize, 0, new RetryBackOff(firstRetry, maxRetry));
	}

}
