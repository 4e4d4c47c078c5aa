package org.customerportal.platform.membership;

import java.net.http.HttpClient;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.customerportal.platform.concurrent.CallExecutors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.RestClient;

/**
 * A {@link MembershipLookup} for the services that set {@code portal.account-service.url} (the ones
 * keeping a membership read model); account-service itself and the others have none.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "portal.account-service", name = "url")
@EnableConfigurationProperties(AccountServiceProperties.class)
public class MembershipLookupAutoConfiguration {

	// own registries, so the settings are this library's wherever it runs (the service may have its own)
	private final CircuitBreakerRegistry circuitBreakers;

	private final TimeLimiterRegistry timeLimiters;

	MembershipLookupAutoConfiguration(AccountServiceProperties properties) {
		this.circuitBreakers = CircuitBreakerRegistry.of(MembershipLookup.circuitBreakerConfig(properties.openDuration()));
		this.timeLimiters = TimeLimiterRegistry.of(MembershipLookup.timeLimiterConfig(properties.timeout()));
	}

	/** At most 16 lookups at once: an account-service that hangs holds no more threads. */
	@Bean
	ThreadPoolTaskExecutor membershipLookupCalls() {
		return CallExecutors.bounded("membership-lookup", 16);
	}

	@Bean
	MembershipLookup membershipLookup(AccountServiceProperties properties, ObjectProvider<RestClient.Builder> builders,
			@Qualifier("membershipLookupCalls") ThreadPoolTaskExecutor calls) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
		requests.setReadTimeout(properties.timeout());
		// Boot's builder, when there is one, carries the trace to account-service
		RestClient http = builders.getIfAvailable(RestClient::builder)
			.baseUrl(properties.url().toString())
			.requestFactory(requests)
			.build();
		return new MembershipLookup(new RestAccountService(http), circuitBreakers.circuitBreaker(MembershipLookup.NAME),
				timeLimiters.timeLimiter(MembershipLookup.NAME), calls);
	}

	/** {@code resilience4j_circuitbreaker_*} and {@code resilience4j_timelimiter_*} with name=account-service. */
	@Bean
	MeterBinder membershipLookupMetrics() {
		return registry -> {
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(registry);
			TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(registry);
		};
	}

}
