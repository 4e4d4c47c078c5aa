package org.customerportal.account.removal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disables removed accounts in Keycloak, reliably: the request is a row written in the transaction
 * that removes the account, and a scheduled job works through the due rows, deleting each once
 * Keycloak has done it. After a failure the row waits {@code first-retry}, doubled after each further
 * failure up to {@code max-retry}, and is tried again, for as long as it takes. Rows are claimed with
 * {@code for update skip locked}, so several instances never disable the same person at once. The gauge
 * {@code portal.account.keycloak.pending.disablings} shows how many are waiting.
 */
@Component
class KeycloakDisabling {

	private static final Logger log = LoggerFactory.getLogger(KeycloakDisabling.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KeycloakAdmin keycloak;

	private final KeycloakProperties properties;

	private final Clock clock;

	KeycloakDisabling(JdbcClient jdbc, TransactionTemplate transactions, KeycloakAdmin keycloak,
			KeycloakProperties properties, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.keycloak = keycloak;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("portal.account.keycloak.pending.disablings", this::pending)
			.description("Removed accounts not yet disabled in Keycloak")
			.register(meters);
	}

	/** Queues the disabling; part of the transaction that removes the account. */
	@Transactional(propagation = Propagation.MANDATORY)
	void request(String userId) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into keycloak_disable_task (user_id, requested_at, next_attempt_at)
				values (:userId, :now, :now)
				on conflict (user_id) do nothing""")
			.param("userId", userId)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Works through the due disablings one by one; stops at the first failure (Keycloak is probably
	 * down, and the others will wait for the next round).
	 */
	@Scheduled(fixedDelayString = "${portal.account.keycloak.poll-interval}",
			initialDelayString = "${portal.account.keycloak.poll-interval}")
	void disableDue() {
		while (Boolean.TRUE.equals(transactions.execute(status -> attemptNext()))) {
			// next one
		}
	}

	private boolean attemptNext() {
		Instant now = clock.instant();
		Optional<Task> due = jdbc.sql("""
				select user_id, attempts from keycloak_disable_task
				where next_attempt_at <= :now
				order by next_attempt_at
				limit 1
				for update skip locked""")
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Task(rs.getString("user_id"), rs.getInt("attempts")))
			.optional();
		if (due.isEmpty()) {
			return false;
		}
		Task task = due.get();
		try {
			boolean known = keycloak.disable(task.userId());
			jdbc.sql("delete from keycloak_disable_task where user_id = :userId")
				.param("userId", task.userId())
				.update();
			if (known) {
				log.info("Disabled user {} in Keycloak after {} failed attempts", task.userId(), task.attempts());
			}
			else {
				log.warn("User {} is not known to Keycloak; nothing to disable", task.userId());
			}
			return true;
		}
		catch (RuntimeException ex) {
			int attempts = task.attempts() + 1;
			Duration wait = properties.backOff().after(attempts);
			jdbc.sql("""
					update keycloak_disable_task
					set attempts = :attempts, next_attempt_at = :next, last_error = :error
					where user_id = :userId""")
				.param("attempts", attempts)
				.param("next", Timestamp.from(now.plus(wait)))
				.param("error", abbreviate(String.valueOf(ex.getMessage())))
				.param("userId", task.userId())
				.update();
			log.warn("Could not disable user {} in Keycloak (attempt {}); trying again in {}: {}", task.userId(),
					attempts, wait, ex.getMessage());
			return false;
		}
	}

	private long pending() {
		return jdbc.sql("select count(*) from keycloak_disable_task").query(Long.class).single();
	}

	private static String abbreviate(String message) {
		return message.length() <= 500 ? message : message.substring(0, 500);
	}

	private record Task(String userId, int attempts) {
	}

}
