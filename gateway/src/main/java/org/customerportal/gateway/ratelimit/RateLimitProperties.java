package org.customerportal.gateway.ratelimit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request budgets: per user (token subject) on authenticated routes, per client address on
 * public ones, and per licence key on licence validation. Each is a token bucket of {@code capacity}
 * requests, refilled at {@code refillPerSecond}.
 *
 * @param trustedProxies addresses and CIDR ranges of the proxies in front of the gateway whose
 * {@code X-Forwarded-For} is believed (see {@link ClientAddresses}); empty: none, the client is the TCP peer
 */
@ConfigurationProperties("portal.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Bucket authenticated, Bucket anonymous,
		Bucket licenseKey, @DefaultValue List<String> trustedProxies) {

	record Bucket(int capacity, double refillPerSecond) {

		Bucket {
			if (capacity < 1 || refillPerSecond <= 0) {
				throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a positive refill rate");
			}
		}

		TokenBucketRateLimiter.Config config() {
			return new TokenBucketRateLimiter.Config(capacity, refillPerSecond);
		}

	}

}
