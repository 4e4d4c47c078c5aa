package org.customerportal.notification.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How much mail waits and for how long, for alerting on an SMTP outage: {@code portal.mail.queued}
 * and {@code portal.mail.oldest.queued.age} (seconds). The worker counts {@code portal.mail.sent},
 * {@code portal.mail.retried} and {@code portal.mail.given.up}.
 */
@Component
class MailQueueMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	MailQueueMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("portal.mail.queued", this, metrics -> metrics.count("QUEUED"))
			.description("Mails waiting to be sent")
			.register(registry);
		Gauge.builder("portal.mail.oldest.queued.age", this, MailQueueMetrics::oldestQueuedSeconds)
			.description("Age of the oldest mail waiting to be sent")
			.baseUnit("seconds")
			.register(registry);
	}

	private double count(String status) {
		// answered from the partial index of queued mail
		return jdbc.sql("select count(*) from outgoing_mail where status = ?").param(status).query(Long.class).single();
	}

	private double oldestQueuedSeconds() {
		Double age = jdbc.sql("""
				select extract(epoch from now() - min(created_at)) from outgoing_mail where status = 'QUEUED'""")
			.query(Double.class)
			.single();
		return age == null ? 0 : age;
	}

}
