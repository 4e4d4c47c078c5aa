package org.customerportal.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtAuthenticationManagerTest {

	private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final AtomicInteger fullChecks = new AtomicInteger();

	/** Stands in for the signature check: accepts a token until its expiry, like the real one. */
	private final ReactiveAuthenticationManager fullCheck = authentication -> {
		fullChecks.incrementAndGet();
		String token = ((BearerTokenAuthenticationToken) authentication).getToken();
		Instant expiresAt = Instant.parse(token.substring(token.indexOf('|') + 1));
		if (!clock.instant().isBefore(expiresAt)) {
			return Mono.error(new InvalidBearerTokenException("expired"));
		}
		Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("alice").expiresAt(expiresAt).build();
		return Mono.just(new JwtAuthenticationToken(jwt));
	};

	private final CachingJwtAuthenticationManager manager = new CachingJwtAuthenticationManager(fullCheck,
			new TokenCacheProperties(100, Duration.ofMinutes(5)), clock);

	@Test
	void aTokenSeenBeforeIsNotCheckedAgain() {
		String token = "alice|" + NOW.plusSeconds(300);

		Authentication first = authenticate(token);
		Authentication second = authenticate(token);

		assertThat(second).isSameAs(first);
		assertThat(second.getName()).isEqualTo("alice");
		assertThat(fullChecks).hasValue(1);
	}

	@Test
	void aRememberedTokenIsRefusedOnceItHasExpired() {
		String token = "alice|" + NOW.plusSeconds(60);
		authenticate(token);

		clock.advance(Duration.ofSeconds(61));

		assertThatThrownBy(() -> authenticate(token)).isInstanceOf(InvalidBearerTokenException.class);
	}

	@Test
	void aRefusedTokenIsCheckedAgainEveryTime() {
		String token = "alice|" + NOW.minusSeconds(1);

		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> authenticate(token)).isInstanceOf(InvalidBearerTokenException.class);
		}
		assertThat(fullChecks).hasValue(2);
	}

	private Authentication authenticate(String token) {
		return manager.authenticate(new BearerTokenAuthenticationToken(token)).block();
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
