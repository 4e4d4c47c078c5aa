package org.customerportal.gateway.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

/**
 * An in-memory token bucket per key, behind Spring Cloud Gateway's {@link RateLimiter} interface.
 * <p>
 * Each gateway replica counts on its own, so with N replicas a client gets up to N times the
 * budget; {@link SharedRateLimiter} keeps one budget for all of them in Redis, and falls back to this
 * one while Redis does not answer.
 * <p>
 * Buckets of keys not seen for ten minutes are dropped; at most {@code maxKeys} are kept.
 */
public class TokenBucketRateLimiter implements RateLimiter<TokenBucketRateLimiter.Config> {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private static final Mono<Response> ALLOWED = Mono.just(new Response(true, Map.of()));

	private final Map<String, Config> configs = new HashMap<>();

	private final Cache<String, Bucket> buckets;

	private final LongSupplier nanoTime;

	public TokenBucketRateLimiter(Map<String, Config> configs, long maxKeys, LongSupplier nanoTime) {
		this.configs.putAll(configs);
		this.nanoTime = nanoTime;
		this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(Duration.ofMinutes(10)).build();
	}

	@Override
	public Mono<Response> isAllowed(String policy, String key) {
		Config config = configs.get(policy);
		if (config == null) {
			return Mono.error(new IllegalArgumentException("No rate limit for " + policy));
		}
		Bucket bucket = buckets.get(policy + '|' + key, k -> new Bucket(config.capacity(), nanoTime.getAsLong()));
		long waitNanos = bucket.take(config, nanoTime.getAsLong());
		if (waitNanos == 0) {
			return ALLOWED;
		}
		long seconds = Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
		return Mono.just(new Response(false, Map.of("Retry-After", Long.toString(seconds))));
	}

	@Override
	public Map<String, Config> getConfig() {
		return configs;
	}

	@Override
	public Class<Config> getConfigClass() {
		return Config.class;
	}

	@Override
	public Config newConfig() {
		return new Config(1, 1);
	}

	/** {@code capacity} requests at once, refilled at {@code refillPerSecond}. */
	public record Config(int capacity, double refillPerSecond) {
	}

	private static final class Bucket {

		private double tokens;

		private long refilledAt;

		Bucket(int capacity, long now) {
			this.tokens = capacity;
			this.refilledAt = now;
		}

		/** Takes one token; 0 when there was one, else how long until there will be. */
		synchronized long take(Config config, long now) {
			long elapsed = Math.max(0, now - refilledAt);
			tokens = Math.min(config.capacity(), tokens + elapsed * config.refillPerSecond() / NANOS_PER_SECOND);
			refilledAt = now;
			if (tokens >= 1) {
				tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - tokens) * NANOS_PER_SECOND / config.refillPerSecond());
		}

	}

}
