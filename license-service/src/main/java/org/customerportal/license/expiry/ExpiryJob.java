package org.customerportal.license.expiry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.customerportal.license.licenses.License;
import org.customerportal.license.licenses.LicenseExpired;
import org.customerportal.license.licenses.Licenses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks annual and trial licences whose end date has come {@code EXPIRED} and publishes
 * {@code license.expired} for each, in batches. Rows are locked with SKIP LOCKED, so several instances
 * may run it at once without expiring a licence twice. (Perpetual licences never expire; their
 * maintenance end only shows in the upcoming renewals.)
 */
@Component
@EnableConfigurationProperties(ExpiryProperties.class)
class ExpiryJob implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

	static final int BATCH = 200;

	private final Licenses licenses;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ExpiryProperties properties;

	ExpiryJob(Licenses licenses, TransactionTemplate transactions, Clock clock, ExpiryProperties properties) {
		this.licenses = licenses;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
	}

	/** Scheduled from its settings, so their defaults live in {@link ExpiryProperties} alone. */
	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::run, properties.interval(), properties.initialDelay()));
	}

	void run() {
		int expired = expireEnded();
		if (expired > 0) {
			log.info("Marked {} ended licences expired", expired);
		}
	}

	/** Expires every licence that has ended as of the clock's today; returns how many. */
	int expireEnded() {
		LocalDate today = LocalDate.now(clock);
		int total = 0;
		while (true) {
			Integer done = transactions.execute(status -> expireBatch(today));
			total += done;
			if (done < BATCH) {
				return total;
			}
		}
	}

	private int expireBatch(LocalDate today) {
		List<License> ended = licenses.lockEndedActive(today, BATCH);
		Instant now = clock.instant();
		for (License license : ended) {
			if (license.expire(today)) {
				licenses.save(license, LicenseExpired.of(license, now));
			}
		}
		return ended.size();
	}

}
