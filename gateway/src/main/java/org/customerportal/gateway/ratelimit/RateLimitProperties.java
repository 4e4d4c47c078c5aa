package org.customerportal.gateway.ratelimit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request budgets: per user (token subject) on authenticated routes, per client address on
 * public ones, and per licence key on licence validation. Each is a token bucket of {@code capacity}
 * requests, refilled at {@code refillPerSecond}.
 *
 * @param enabled whether requests are counted at all
 * @param authenticated the budget of each signed-in user (token subject) on authenticated routes
 * @param anonymous the budget of each client address on public routes (licence validation, unsubscribe,
 * payment webhooks)
 * @param licenseKey the budget of each licence key on licence validation, whatever addresses the calls come
 * from: room for a licence's installations checking at start-up, not for a key used by everyone
 * @param trustedProxies addresses and CIDR ranges of the proxies in front of the gateway whose
 * {@code X-Forwarded-For} is believed (see {@link ClientAddresses}), comma separated, e.g.
 * {@code 10.42.0.0/16, fd00:42::/64}; empty: none, the client is the TCP peer. The client is the rightmost
 * entry that is not a trusted proxy, so proxies that append to the header are fine
 */
@ConfigurationProperties("portal.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Bucket authenticated, Bucket anonymous,
		Bucket licenseKey, @DefaultValue List<String> trustedProxies) {

	/**
	 * @param capacity requests at once
	 * @param refillPerSecond requests added back to the budget each second
	 */
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
