package org.customerportal.gateway.ratelimit;

import java.time.Duration;

import org.customerportal.gateway.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.StringUtils;

/**
 * Rate limiting: in memory, per replica, unless Redis is configured ({@code spring.data.redis.url} or
 * {@code .host}, e.g. {@code SPRING_DATA_REDIS_HOST}); then one budget shared by all replicas.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	private static final long MAX_KEYS = 100_000;

	/** How long a replica counts on its own after Redis failed, before asking it again. */
	private static final Duration REDIS_PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);

	@Bean
	ClientAddresses clientAddresses(RateLimitProperties properties) {
		return new ClientAddresses(properties.trustedProxies());
	}

	@Bean
	ClientAddressHeaderFilter clientAddressHeaderFilter(ClientAddresses clients) {
		return new ClientAddressHeaderFilter(clients);
	}

	@Bean
	@ConditionalOnProperty(name = "portal.gateway.rate-limit.enabled", matchIfMissing = true)
	RateLimiter<TokenBucketRateLimiter.Config> portalRateLimiter(RateLimitProperties properties,
			Environment environment, ObjectProvider<ReactiveRedisConnectionFactory> redis) {
		TokenBucketRateLimiter local = new TokenBucketRateLimiter(RateLimitPolicies.of(properties), MAX_KEYS,
				System::nanoTime);
		// Boot always offers a connection factory (to localhost); only one configured on purpose is used
		boolean redisConfigured = StringUtils.hasText(environment.getProperty("spring.data.redis.url"))
				|| StringUtils.hasText(environment.getProperty("spring.data.redis.host"));
		ReactiveRedisConnectionFactory factory = redis.getIfAvailable();
		if (!redisConfigured || factory == null) {
			return local;
		}
		return new SharedRateLimiter(new ReactiveStringRedisTemplate(factory), RateLimitPolicies.of(properties), local,
				REDIS_PAUSE_AFTER_FAILURE);
	}

	@Bean
	@ConditionalOnProperty(name = "portal.gateway.rate-limit.enabled", matchIfMissing = true)
	RateLimitFilter rateLimitFilter(RateLimiter<TokenBucketRateLimiter.Config> portalRateLimiter,
			ClientAddresses clients, Problems problems, JsonMapper mapper) {
		return new RateLimitFilter(portalRateLimiter, clients, problems, mapper);
	}

}
