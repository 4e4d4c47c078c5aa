package org.customerportal.order.orders;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Wire transfer and check orders that are never paid.
 *
 * @param expireAfterDays an order awaiting a wire transfer or check this many days after the method was
 * first chosen is cancelled with reason EXPIRED
 * @param reminderDaysBefore the contacts are reminded to pay this many days before that (0: no reminder)
 */
@ConfigurationProperties("portal.order.unpaid")
public record UnpaidOrderProperties(@DefaultValue("30") int expireAfterDays, @DefaultValue("7") int reminderDaysBefore) {

	public UnpaidOrderProperties {
		if (expireAfterDays < 1) {
			throw new IllegalArgumentException("portal.order.unpaid.expire-after-days must be at least 1, not " + expireAfterDays);
		}
		if (reminderDaysBefore < 0 || reminderDaysBefore >= expireAfterDays) {
			throw new IllegalArgumentException("portal.order.unpaid.reminder-days-before must be from 0 to "
					+ (expireAfterDays - 1) + " (below expire-after-days), not " + reminderDaysBefore);
		}
	}

	/** When an order awaiting a wire transfer or check chosen now is cancelled if unpaid (as stored: microseconds). */
	Instant dueBy(Instant now) {
		return now.plus(Duration.ofDays(expireAfterDays)).truncatedTo(ChronoUnit.MICROS);
	}

	Duration reminderBefore() {
		return Duration.ofDays(reminderDaysBefore);
	}

}
