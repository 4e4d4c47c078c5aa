package org.customerportal.order.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The circuit breaker and time limiter around the provider are Resilience4j's instance
 * {@value GuardedPaymentProvider#NAME} ({@code resilience4j.circuitbreaker.instances.payment-provider.*},
 * {@code resilience4j.timelimiter.instances.payment-provider.*}).
 *
 * @param provider which {@link PaymentProvider} moves the money; {@code simulated} is the built-in one
 * that moves none (trials and demos)
 * @param reconcileAfter a payment the provider has not answered for this long is asked about again
 * @param reconcileInterval how often the reconciler looks for such payments
 */
@ConfigurationProperties("order.payments")
record PaymentProperties(String provider, @DefaultValue("1m") Duration reconcileAfter,
		@DefaultValue("30s") Duration reconcileInterval) {
}
