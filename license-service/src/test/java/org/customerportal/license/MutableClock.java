package org.customerportal.license;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock in UTC, moved forward by as much as a test asks.
 */
public final class MutableClock extends Clock {

	private volatile Duration shift = Duration.ZERO;

	public void advance(Duration by) {
		shift = shift.plus(by);
	}

	public void reset() {
		shift = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(shift);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The service works in UTC");
	}

}
