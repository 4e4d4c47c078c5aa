package org.customerportal.platform.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends again the publications whose delivery to Kafka failed (a broker outage longer than the
 * producer's timeouts), while the service keeps running. A PostgreSQL advisory lock lets one instance
 * do it at a time, so several replicas do not send the same event twice over.
 */
class FailedPublicationResubmitter {

	private static final Logger log = LoggerFactory.getLogger(FailedPublicationResubmitter.class);

	private static final long LOCK_KEY = 0x6f7574626f78L; // "outbox"

	private final FailedEventPublications failed;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	FailedPublicationResubmitter(FailedEventPublications failed, JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.failed = failed;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${portal.events.resubmit-interval:30s}",
			initialDelayString = "${portal.events.resubmit-interval:30s}")
	void resubmit() {
		transactions.executeWithoutResult(status -> {
			Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
			if (Boolean.TRUE.equals(locked)) {
				try {
					failed.resubmit(ResubmissionOptions.defaults());
				}
				catch (RuntimeException ex) {
					log.warn("Resubmitting failed event publications did not complete: {}", ex.getMessage());
				}
			}
		});
	}

}
