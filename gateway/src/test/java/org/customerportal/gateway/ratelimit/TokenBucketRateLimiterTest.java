package org.customerportal.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketRateLimiterTest {

	private static final long SECOND = 1_000_000_000L;

	private final AtomicLong now = new AtomicLong(42 * SECOND);

	private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(
			Map.of(RateLimitPolicies.AUTHENTICATED, new TokenBucketRateLimiter.Config(3, 0.5)), 1000, now::get);

	@Test
	void allowsABurstUpToTheCapacityThenAsksToRetryWhenTheNextTokenIsDue() {
		for (int i = 0; i < 3; i++) {
			assertThat(take("alice").isAllowed()).isTrue();
		}

		Response refused = take("alice");

		assertThat(refused.isAllowed()).isFalse();
		// one token every two seconds
		assertThat(refused.getHeaders()).containsEntry("Retry-After", "2");
	}

	@Test
	void refillsOverTimeButNeverAboveTheCapacity() {
		for (int i = 0; i < 3; i++) {
			take("alice");
		}
		now.addAndGet(2 * SECOND);
		assertThat(take("alice").isAllowed()).isTrue();
		assertThat(take("alice").isAllowed()).isFalse();

		now.addAndGet(3600 * SECOND);
		for (int i = 0; i < 3; i++) {
			assertThat(take("alice").isAllowed()).isTrue();
		}
		assertThat(take("alice").isAllowed()).isFalse();
	}

	@Test
	void everyKeyHasItsOwnBudget() {
		for (int i = 0; i < 3; i++) {
			take("alice");
		}

		assertThat(take("alice").isAllowed()).isFalse();
		assertThat(take("bob").isAllowed()).isTrue();
	}

	private Response take(String key) {
		return limiter.isAllowed(RateLimitPolicies.AUTHENTICATED, key).block();
	}

}
