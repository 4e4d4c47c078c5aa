package org.customerportal.notification.clock;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service reads time only from this clock. With {@code portal.notifications.test-clock.enabled}
 * (end-to-end tests only) it is a clock support can move forward through {@link TestClockController}.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "portal.notifications.test-clock.enabled")
	OffsetClock testClock() {
		return new OffsetClock(Clock.systemUTC());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "portal.notifications.test-clock.enabled", havingValue = false,
			matchIfMissing = true)
	Clock clock() {
		return Clock.systemUTC();
	}

}
