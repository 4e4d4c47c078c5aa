package org.customerportal.platform.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends again the publications whose delivery to Kafka failed (a broker outage longer than the
 * producer's timeouts), while the service keeps running. A PostgreSQL advisory lock lets one instance
 * do it at a time, so several replicas do not send the same event twice over. It is the only path that
 * sends again (republish-on-restart is off): a publication left incomplete by a pod that stopped while
 * sending is marked failed once it is older than {@code stale-after}, and so is sent again here.
 */
class FailedPublicationResubmitter implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(FailedPublicationResubmitter.class);

	private static final long LOCK_KEY = 0x6f7574626f78L; // "outbox"

	private final FailedEventPublications failed;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Duration staleAfter;

	private final Duration interval;

	FailedPublicationResubmitter(FailedEventPublications failed, JdbcTemplate jdbc, TransactionTemplate transactions,
			Duration staleAfter, Duration interval) {
		this.failed = failed;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.staleAfter = staleAfter;
		this.interval = interval;
	}

	/** Scheduled from its setting, so its default lives in {@link PortalEventsProperties} alone. */
	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::resubmit, interval, interval));
	}

	void resubmit() {
		transactions.executeWithoutResult(status -> {
			Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
			if (Boolean.TRUE.equals(locked)) {
				try {
					int abandoned = jdbc.update("update event_publication set status = 'FAILED' "
							+ "where completion_date is null and status is distinct from 'FAILED' "
							+ "and coalesce(last_resubmission_date, publication_date) < now() - make_interval(secs => ?)",
							(double) staleAfter.toSeconds());
					if (abandoned > 0) {
						log.info("{} event publications were left incomplete for over {}; sending them again", abandoned,
								staleAfter);
					}
					failed.resubmit(ResubmissionOptions.defaults());
				}
				catch (RuntimeException ex) {
					log.warn("Resubmitting failed event publications did not complete: {}", ex.getMessage());
				}
			}
		});
	}

}
