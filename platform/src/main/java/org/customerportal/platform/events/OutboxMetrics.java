package org.customerportal.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox's backlog for dashboards and alerts: events written with their change but not yet
 * confirmed by Kafka ({@code portal_outbox_outstanding}), those whose sending failed
 * ({@code portal_outbox_failed}) and how long the oldest has waited
 * ({@code portal_outbox_oldest_age_seconds}). Completed publications are deleted, so these are small
 * counts.
 */
class OutboxMetrics implements MeterBinder {

	private final JdbcTemplate jdbc;

	OutboxMetrics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("portal.outbox.outstanding", this, metrics -> metrics.count(""))
			.description("Event publications not yet confirmed by Kafka")
			.register(registry);
		Gauge.builder("portal.outbox.failed", this, metrics -> metrics.count(" and status = 'FAILED'"))
			.description("Event publications whose sending failed; sent again by the resubmitter")
			.register(registry);
		Gauge.builder("portal.outbox.oldest.age", this, OutboxMetrics::oldestSeconds)
			.description("Age of the oldest event publication not yet confirmed by Kafka")
			.baseUnit("seconds")
			.register(registry);
	}

	private double count(String condition) {
		Long count = jdbc.queryForObject("select count(*) from event_publication where completion_date is null"
				+ condition, Long.class);
		return count == null ? 0 : count;
	}

	private double oldestSeconds() {
		Double age = jdbc.queryForObject("select extract(epoch from now() - min(publication_date)) "
				+ "from event_publication where completion_date is null", Double.class);
		return age == null ? 0 : age;
	}

}
