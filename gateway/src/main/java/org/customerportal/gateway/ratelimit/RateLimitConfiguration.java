package org.customerportal.gateway.ratelimit;

import java.util.Map;

import org.customerportal.gateway.problem.Problems;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rate limiting, in memory by default. With several gateway replicas and a budget that must be
 * shared, replace the {@link RateLimiter} bean by Spring Cloud Gateway's Redis rate limiter (see
 * {@link TokenBucketRateLimiter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "portal.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

	@Bean
	@ConditionalOnMissingBean(RateLimiter.class)
	TokenBucketRateLimiter portalRateLimiter(RateLimitProperties properties) {
		return new TokenBucketRateLimiter(Map.of(
				TokenBucketRateLimiter.AUTHENTICATED,
				new TokenBucketRateLimiter.Config(properties.authenticated().capacity(),
						properties.authenticated().refillPerSecond()),
				TokenBucketRateLimiter.ANONYMOUS,
				new TokenBucketRateLimiter.Config(properties.anonymous().capacity(),
						properties.anonymous().refillPerSecond())),
				100_000, System::nanoTime);
	}

	@Bean
	RateLimitFilter rateLimitFilter(RateLimiter<?> portalRateLimiter, Problems problems) {
		return new RateLimitFilter(portalRateLimiter, problems);
	}

}
