package org.customerportal.platform.time;

import java.time.Duration;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Test clock", description = "Moving the service's clock in development and test installations (support only; never in "
		+ "production).")
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
	@Operation(summary = "The service's clock: now, and its offset from real time",
			description = "Only where the test clock is enabled (development and end-to-end tests, never production). "
					+ "Support only.")
	ClockState show() {
		return new ClockState(clock.instant(), clock.offset());
	}

	@PutMapping
	@Operation(summary = "Move the service's clock",
			description = "Either `offset`, an ISO-8601 duration from real time (e.g. P30D), or `now`, the instant the "
					+ "clock shows from now on; not both (400). Only where the test clock is enabled. Support only.")
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
