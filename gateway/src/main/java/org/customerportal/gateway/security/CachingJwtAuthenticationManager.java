package org.customerportal.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Remembers access tokens that passed the full check (signature, issuer, expiry), so a user's next
 * request with the same token skips decoding and the RSA verification: they are most of the
 * gateway's cost per request. A token is remembered only until it expires, and at most
 * {@code max-age}; a token that failed is never remembered.
 */
class CachingJwtAuthenticationManager implements ReactiveAuthenticationManager {

	private final ReactiveAuthenticationManager delegate;

	private final Clock clock;

	private final Cache<String, JwtAuthenticationToken> validated;

	CachingJwtAuthenticationManager(ReactiveAuthenticationManager delegate, TokenCacheProperties properties,
			Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
		Duration maxAge = properties.maxAge();
		this.validated = Caffeine.newBuilder()
			.maximumSize(properties.maxSize())
			.expireAfter(Expiry.<String, JwtAuthenticationToken>creating((token, authentication) -> {
				Instant expiresAt = authentication.getToken().getExpiresAt();
				Duration left = expiresAt == null ? maxAge : Duration.between(clock.instant(), expiresAt);
				return left.isNegative() ? Duration.ZERO : (left.compareTo(maxAge) < 0 ? left : maxAge);
			}))
			.build();
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
			return delegate.authenticate(authentication);
		}
		String token = bearer.getToken();
		JwtAuthenticationToken known = validated.getIfPresent(token);
		if (known != null && stillValid(known)) {
			return Mono.just(known);
		}
		return delegate.authenticate(authentication).doOnNext(result -> {
			if (result instanceof JwtAuthenticationToken jwt) {
				validated.put(token, jwt);
			}
		});
	}

	private boolean stillValid(JwtAuthenticationToken authentication) {
		Instant expiresAt = authentication.getToken().getExpiresAt();
		return expiresAt == null || clock.instant().isBefore(expiresAt);
	}

}
