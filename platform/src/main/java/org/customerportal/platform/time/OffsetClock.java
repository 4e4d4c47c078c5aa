package org.customerportal.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock running at the pace of another, shifted by an offset that can be changed while the service
 * runs: what tests (and, with {@code portal.test-clock.enabled}, end-to-end tests) use to make weeks
 * pass. Copies made with {@link #withZone} share the offset.
 */
public final class OffsetClock extends Clock {

	private final Clock base;

	private final AtomicReference<Duration> offset;

	public OffsetClock(Clock base) {
		this(base, new AtomicReference<>(Duration.ZERO));
	}

	private OffsetClock(Clock base, AtomicReference<Duration> offset) {
		this.base = base;
		this.offset = offset;
	}

	public Duration offset() {
		return offset.get();
	}

	public void setOffset(Duration offset) {
		this.offset.set(offset);
	}

	public void advance(Duration by) {
		offset.updateAndGet(current -> current.plus(by));
	}

	public void reset() {
		offset.set(Duration.ZERO);
	}

	@Override
	public Instant instant() {
		return base.instant().plus(offset.get());
	}

	@Override
	public ZoneId getZone() {
		return base.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new OffsetClock(base.withZone(zone), offset);
	}

}
