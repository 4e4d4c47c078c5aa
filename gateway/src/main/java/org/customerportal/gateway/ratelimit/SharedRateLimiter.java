package org.customerportal.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One budget per key for all gateway replicas: the token bucket of Spring Cloud Gateway's
 * {@code RedisRateLimiter} (its Lua script, run atomically in Redis, on Redis's clock so replicas
 * with skewed clocks agree), with the same policies, keys and 429 answers as the in-memory limiter.
 * <p>
 * While Redis does not answer, each replica counts on its own again (the in-memory limiter) rather
 * than letting everything through; the outage is logged at most once a minute. After a failure Redis is
 * left alone for {@code pauseAfterFailure}, so that requests do not each wait for a timeout meanwhile.
 */
class SharedRateLimiter implements RateLimiter<TokenBucketRateLimiter.Config> {

	private static final Logger log = LoggerFactory.getLogger(SharedRateLimiter.class);

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static final RedisScript<List<Long>> SCRIPT = (RedisScript) RedisScript
		.of(new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"), List.class);

	private final ReactiveStringRedisTemplate redis;

	private final Map<String, TokenBucketRateLimiter.Config> configs;

	private final RateLimiter<TokenBucketRateLimiter.Config> fallback;

	private final Duration pauseAfterFailure;

	private final AtomicLong lastWarning = new AtomicLong();

	private volatile long redisPausedUntil;

	SharedRateLimiter(ReactiveStringRedisTemplate redis, Map<String, TokenBucketRateLimiter.Config> configs,
			RateLimiter<TokenBucketRateLimiter.Config> fallback, Duration pauseAfterFailure) {
		this.redis = redis;
		this.configs = Map.copyOf(configs);
		this.fallback = fallback;
		this.pauseAfterFailure = pauseAfterFailure;
	}

	@Override
	public Mono<Response> isAllowed(String policy, String key) {
		TokenBucketRateLimiter.Config config = configs.get(policy);
		if (config == null) {
			return Mono.error(new IllegalArgumentException("No rate limit for " + policy));
		}
		if (System.nanoTime() - redisPausedUntil < 0) {
			return fallback.isAllowed(policy, key);
		}
		ScriptBucket bucket = ScriptBucket.of(config);
		// braces: both keys of one bucket land on the same Redis Cluster slot; hashed: licence keys are secrets
		String id = "portal.rate_limit." + policy + ".{" + hash(key) + "}";
		List<String> keys = List.of(id + ".tokens", id + ".timestamp");
		List<String> args = List.of(Long.toString(bucket.replenishRate()), Long.toString(bucket.burstCapacity()), "",
				Long.toString(bucket.requestedTokens()));
		return redis.execute(SCRIPT, keys, args)
			.reduce(new ArrayList<Long>(), (all, part) -> {
				all.addAll(part);
				return all;
			})
			.map(result -> answer(result, bucket))
			.onErrorResume(ex -> {
				redisPausedUntil = System.nanoTime() + pauseAfterFailure.toNanos();
				warn(ex);
				return fallback.isAllowed(policy, key);
			});
	}

	private static Response answer(List<Long> result, ScriptBucket bucket) {
		if (result.get(0) == 1L) {
			return new Response(true, Map.of());
		}
		long missing = Math.max(1, bucket.requestedTokens() - result.get(1));
		long seconds = Math.max(1, (missing + bucket.replenishRate() - 1) / bucket.replenishRate());
		return new Response(false, Map.of("Retry-After", Long.toString(seconds)));
	}

	private void warn(Throwable ex) {
		long now = System.currentTimeMillis();
		long last = lastWarning.get();
		if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
			log.warn("Redis did not answer ({}): rate limits are counted per gateway replica until it does",
					ex.toString());
		}
	}

	private static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public Map<String, TokenBucketRateLimiter.Config> getConfig() {
		return configs;
	}

	@Override
	public Class<TokenBucketRateLimiter.Config> getConfigClass() {
		return TokenBucketRateLimiter.Config.class;
	}

	@Override
	public TokenBucketRateLimiter.Config newConfig() {
		return new TokenBucketRateLimiter.Config(1, 1);
	}

	/**
	 * The script counts whole tokens per whole second. A fractional rate (0.5/s) becomes whole numbers by
	 * making each request cost {@code requestedTokens}: 1 token/s for requests costing 2.
	 */
	record ScriptBucket(long replenishRate, long burstCapacity, long requestedTokens) {

		static ScriptBucket of(TokenBucketRateLimiter.Config config) {
			long cost = 1;
			while (cost < 1000 && Math.abs(config.refillPerSecond() * cost - Math.rint(config.refillPerSecond() * cost)) > 1e-9) {
				cost++;
			}
			long rate = Math.max(1, Math.round(config.refillPerSecond() * cost));
			return new ScriptBucket(rate, config.capacity() * cost, cost);
		}

	}

}
