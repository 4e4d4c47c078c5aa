package org.customerportal.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request budgets: per user (token subject) on authenticated routes, per client address on
 * public ones. Each is a token bucket of {@code capacity} requests, refilled at
 * {@code refillPerSecond}.
 */
@ConfigurationProperties("portal.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Bucket authenticated, Bucket anonymous) {

	record Bucket(int capacity, double refillPerSecond) {

		Bucket {
			if (capacity < 1 || refillPerSecond <= 0) {
				throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a positive refill rate");
			}
		}

	}

}
