package org.customerportal.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the PostgreSQL driver binds them: {@code timestamptz} takes an {@link OffsetDateTime}.
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static OffsetDateTime of(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	public static OffsetDateTime now(Clock clock) {
		return of(Instant.now(clock));
	}

}
