package org.customerportal.gateway.ratelimit;

import java.util.Map;

/** The budgets the gateway keeps, by name, as both rate limiters take them. */
final class RateLimitPolicies {

	/** Requests with a valid token, keyed by subject. */
	static final String AUTHENTICATED = "authenticated";

	/** Requests without a token, keyed by client address. */
	static final String ANONYMOUS = "anonymous";

	/** Licence validations, keyed by the licence key in the body. */
	static final String LICENSE_KEY = "license-key";

	private RateLimitPolicies() {
	}

	static Map<String, TokenBucketRateLimiter.Config> of(RateLimitProperties properties) {
		return Map.of(AUTHENTICATED, properties.authenticated().config(), ANONYMOUS, properties.anonymous().config(),
				LICENSE_KEY, properties.licenseKey().config());
	}

}
