package org.customerportal.gateway.ratelimit;

import org.customerportal.gateway.problem.Problems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitConfigurationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(RateLimitConfiguration.class)
		.withBean(JsonMapper.class, () -> JsonMapper.builder().build())
		.withBean(Problems.class, () -> new Problems(JsonMapper.builder().build()))
		// what Spring Boot offers whether or not Redis was configured
		.withBean(ReactiveRedisConnectionFactory.class, LettuceConnectionFactory::new)
		.withPropertyValues("portal.gateway.rate-limit.authenticated.capacity=1",
				"portal.gateway.rate-limit.authenticated.refill-per-second=1",
				"portal.gateway.rate-limit.anonymous.capacity=1", "portal.gateway.rate-limit.anonymous.refill-per-second=1",
				"portal.gateway.rate-limit.license-key.capacity=1",
				"portal.gateway.rate-limit.license-key.refill-per-second=1");

	@Test
	void withoutRedisConfiguredEachReplicaCountsInMemory() {
		context.run(app -> assertThat(app.getBean(RateLimiter.class)).isInstanceOf(TokenBucketRateLimiter.class));
	}

	@Test
	void withRedisConfiguredTheBudgetIsShared() {
		context.withPropertyValues("spring.data.redis.host=redis.portal.svc")
			.run(app -> assertThat(app.getBean(RateLimiter.class)).isInstanceOf(SharedRateLimiter.class));
		context.withPropertyValues("spring.data.redis.url=rediss://redis.example.com:6380")
			.run(app -> assertThat(app.getBean(RateLimiter.class)).isInstanceOf(SharedRateLimiter.class));
	}

	@Test
	void aTrustedProxyThatIsNotAnAddressStopsTheStart() {
		context.withPropertyValues("portal.gateway.rate-limit.trusted-proxies=10\\.\\d+\\.\\d+\\.\\d+")
			.run(app -> assertThat(app).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("is not an IP address or CIDR range"));
	}

}
