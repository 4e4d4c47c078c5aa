package org.customerportal.platform.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Services read time only from the {@link Clock} bean: UTC system time, or, with
 * {@code portal.test-clock.enabled=true} (tests and end-to-end tests only, never production), an
 * {@link OffsetClock} that support can move through {@code PUT <portal.test-clock.path>}.
 */
@AutoConfiguration
public class PortalClockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(Clock.class)
	@ConditionalOnBooleanProperty(name = "portal.test-clock.enabled", havingValue = false, matchIfMissing = true)
	Clock clock() {
		return Clock.systemUTC();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "portal.test-clock.enabled")
	static class MovableClock {

		@Bean
		@ConditionalOnMissingBean(Clock.class)
		OffsetClock clock() {
			return new OffsetClock(Clock.systemUTC());
		}

		// only where the service names the path under its own API: one switch turns the clocks of a whole
		// test installation on, and a service without such a path exposes nothing
		@Bean
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		@ConditionalOnProperty("portal.test-clock.path")
		TestClockController testClockController(OffsetClock clock) {
			return new TestClockController(clock);
		}

	}

}
