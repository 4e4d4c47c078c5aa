package org.customerportal.order.payment;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.customerportal.platform.concurrent.CallExecutors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

	/**
	 * The payment provider's circuit breaker and time limiter in the metrics
	 * ({@code resilience4j_circuitbreaker_*}, {@code resilience4j_timelimiter_*}): Resilience4j's own
	 * metrics auto-configuration does not apply to Spring Boot 4.
	 */
	/** At most 32 calls at once: a provider that hangs holds no more threads; further calls answer 503. */
	@Bean
	ThreadPoolTaskExecutor paymentProviderCalls() {
		return CallExecutors.bounded(GuardedPaymentProvider.NAME, 32);
	}

	@Bean
	MeterBinder paymentProviderMetrics(CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters) {
		return registry -> {
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(registry);
			TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(registry);
		};
	}

}
