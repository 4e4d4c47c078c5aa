package org.customerportal.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway replicas' limiters against one real Redis: one budget between them.
 */
class SharedRateLimiterIntegrationTest {

	private static final Map<String, TokenBucketRateLimiter.Config> POLICIES = Map.of(RateLimitPolicies.LICENSE_KEY,
			new TokenBucketRateLimiter.Config(10, 0.5), RateLimitPolicies.ANONYMOUS,
			new TokenBucketRateLimiter.Config(10, 5));

	private static RedisServer redis;

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	@BeforeAll
	static void startRedis() {
		redis = RedisServer.start();
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
	}

	@AfterEach
	void closeConnections() {
		connections.forEach(LettuceConnectionFactory::destroy);
	}

	@Test
	void twoReplicasShareOneBudgetPerKey() {
		SharedRateLimiter replicaA = replica();
		SharedRateLimiter replicaB = replica();
		String key = "KEY-" + UUID.randomUUID();

		int allowed = 0;
		Response refused = null;
		for (int i = 0; i < 20; i++) {
			Response response = take(i % 2 == 0 ? replicaA : replicaB, RateLimitPolicies.LICENSE_KEY, key);
			if (response.isAllowed()) {
				allowed++;
			}
			else {
				refused = response;
			}
		}

		// ten in all, not ten per replica (at most one more if a second passed meanwhile: 0.5/s)
		assertThat(allowed).isBetween(10, 11);
		assertThat(refused).isNotNull();
		// a whole token takes two seconds at 0.5/s
		assertThat(Integer.parseInt(refused.getHeaders().get("Retry-After"))).isBetween(1, 2);
		assertThat(take(replicaB, RateLimitPolicies.LICENSE_KEY, "KEY-" + UUID.randomUUID()).isAllowed()).isTrue();
	}

	@Test
	void policiesDoNotShareBudgetsForTheSameKey() {
		SharedRateLimiter replica = replica();
		String key = "203.0.113." + (int) (Math.random() * 200);
		for (int i = 0; i < 10; i++) {
			take(replica, RateLimitPolicies.ANONYMOUS, key);
		}

		assertThat(take(replica, RateLimitPolicies.LICENSE_KEY, key).isAllowed()).isTrue();
	}

	@Test
	void whileRedisIsDownEachReplicaCountsOnItsOwnThenSharesAgain() {
		SharedRateLimiter replica = replica();
		SharedRateLimiter other = replica();
		redis.stopProcess();
		try {
			String key = "KEY-" + UUID.randomUUID();
			List<Boolean> decisions = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				decisions.add(take(replica, RateLimitPolicies.LICENSE_KEY, key).isAllowed());
			}

			// still limited, not open to everyone
			assertThat(decisions.subList(0, 10)).containsOnly(true);
			assertThat(decisions.subList(10, 12)).containsOnly(false);
		}
		finally {
			redis.startProcess();
		}
		// once Redis answers again (after the pause), the replicas share their budgets again
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			String fresh = "KEY-" + UUID.randomUUID();
			for (int i = 0; i < 10; i++) {
				take(replica, RateLimitPolicies.LICENSE_KEY, fresh);
			}
			assertThat(take(other, RateLimitPolicies.LICENSE_KEY, fresh).isAllowed()).isFalse();
		});
	}

	private SharedRateLimiter replica() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", redis.port()),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		factory.afterPropertiesSet();
		factory.start();
		connections.add(factory);
		return new SharedRateLimiter(new ReactiveStringRedisTemplate(factory), POLICIES,
				new TokenBucketRateLimiter(POLICIES, 1000, System::nanoTime), Duration.ofMillis(300));
	}

	private static Response take(SharedRateLimiter limiter, String policy, String key) {
		return limiter.isAllowed(policy, key).block(Duration.ofSeconds(5));
	}

}
