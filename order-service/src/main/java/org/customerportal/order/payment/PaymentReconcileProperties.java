package org.customerportal.order.payment;

import java.time.Duration;

import org.customerportal.platform.jobs.DueJobSettings;
import org.customerportal.platform.retry.RetryBackOff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment reconciler, a durable job of the platform.
 * @param reconcileAfter a payment the provider has not answered for this long (a timeout, a crash) is
 * asked about again; keep it well above the provider's timeout
 * @param reconcileInterval how often the reconciler looks for such payments
 * @param reconcileBatchSize payments claimed at a time
 * @param reconcileFirstRetry the wait after a reconciliation failed (the database, not the provider:
 * a provider that still does not answer is asked again after {@code reconcileAfter}), doubled after each
 * further failure
 * @param reconcileMaxRetry the longest such wait; a payment is never given up
 */
@ConfigurationProperties("portal.order.payments")
record PaymentReconcileProperties(@DefaultValue("1m") Duration reconcileAfter,
		@DefaultValue("30s") Duration reconcileInterval, @DefaultValue("50") int reconcileBatchSize,
		@DefaultValue("30s") Duration reconcileFirstRetry, @DefaultValue("10m") Duration reconcileMaxRetry) {

	DueJobSettings job() {
		return new DueJobSettings(reconcileInterval, reconcileBatchSize, 0,
				new RetryBackOff(reconcileFirstRetry, reconcileMaxRetry));
	}

}
