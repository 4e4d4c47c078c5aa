package org.customerportal.platform.time;

import java.time.Duration;
import java.time.Instant;

import org.customerportal.platform.problem.PortalException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves the service's clock, so an end-to-end test can make a reminder due or a licence lapse without
 * waiting. Exists only with {@code portal.test-clock.enabled=true}; support only.
 */
@RestController
@RequestMapping("${portal.test-clock.path}")
@PreAuthorize("hasRole('support')")
class TestClockController {

	private final OffsetClock clock;

	TestClockController(OffsetClock clock) {
		this.clock = clock;
	}

	record ClockState(Instant now, Duration offset) {
	}

	/** Either {@code offset} (ISO-8601 duration from real time, e.g. "P30D") or {@code now}. */
	record ClockChange(Duration offset, Instant now) {
	}

	@GetMapping
	ClockState show() {
		return new ClockState(clock.instant(), clock.offset());
	}

	@PutMapping
	ClockState change(@RequestBody ClockChange change) {
		if ((change.offset() == null) == (change.now() == null)) {
			throw new PortalException(HttpStatus.BAD_REQUEST, "Give either offset or now.");
		}
		Duration offset = change.offset() != null ? change.offset()
				: Duration.between(clock.instant().minus(clock.offset()), change.now());
		clock.setOffset(offset);
		return show();
	}

}
