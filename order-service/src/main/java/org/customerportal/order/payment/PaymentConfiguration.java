package org.customerportal.order.payment;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

	/**
	 * The payment provider's circuit breaker and time limiter in the metrics
	 * ({@code resilience4j_circuitbreaker_*}, {@code resilience4j_timelimiter_*}): Resilience4j's own
	 * metrics auto-configuration does not apply to Spring Boot 4.
	 */
	@Bean
	MeterBinder paymentProviderMetrics(CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters) {
		return registry -> {
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(registry);
			TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(registry);
		};
	}

}
