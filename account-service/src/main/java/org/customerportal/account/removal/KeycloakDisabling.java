package org.customerportal.account.removal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.customerportal.platform.jobs.DueJob.Claimed;
import org.customerportal.platform.jobs.DueJob.Finished;
import org.customerportal.platform.jobs.DueJobs;
import org.customerportal.platform.jobs.DueTable;
import org.customerportal.platform.jobs.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disables removed accounts in Keycloak, reliably: the request is a row written in the transaction
 * that removes the account, and a durable job ({@code DueJobs}) works through the due rows, deleting each once
 * Keycloak has done it. After a failure the row waits {@code first-retry}, doubled after each further
 * failure up to {@code max-retry}, and is tried again, for as long as it takes; the rest of the batch
 * waits for the next round (Keycloak is probably down). Several instances never disable the same person
 * at once. The gauge {@code portal.account.keycloak.pending.disablings} shows how many are waiting.
 */
@Component
class KeycloakDisabling {

	private static final Logger log = LoggerFactory.getLogger(KeycloakDisabling.class);

	private final JdbcClient jdbc;

	private final KeycloakAdmin keycloak;

	private final Clock clock;

	KeycloakDisabling(JdbcClient jdbc, KeycloakAdmin keycloak, KeycloakProperties properties, Clock clock,
			MeterRegistry meters, DueJobs jobs) {
		this.jdbc = jdbc;
		this.keycloak = keycloak;
		this.clock = clock;
		jobs.<String>define("keycloak-disabling", DueTable.of("keycloak_disable_task", "user_id", "true"),
				properties.job())
			.reading("user_id", (rs, n) -> rs.getString("user_id"))
			.workEach(this::disable)
			.onDone(this::forget)
			.onRetry(failed -> failed.forEach(task -> log.warn(
					"Could not disable user {} in Keycloak (attempt {}); trying again at {}: {}", task.row(),
					task.attempts(), task.nextAttemptAt(), task.error())))
			.schedule();
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

	private Outcome disable(Claimed<String> task) {
		try {
			if (keycloak.disable(task.row())) {
				log.info("Disabled user {} in Keycloak after {} failed attempts", task.row(), task.attempts());
			}
			else {
				log.warn("User {} is not known to Keycloak; nothing to disable", task.row());
			}
			return Outcome.done();
		}
		catch (RuntimeException ex) {
			return Outcome.failed(ex);
		}
	}

	private void forget(List<Finished<String>> disabled) {
		jdbc.sql("delete from keycloak_disable_task where user_id in (:userIds)")
			.param("userIds", disabled.stream().map(Finished::row).toList())
			.update();
	}

	private long pending() {
		return jdbc.sql("select count(*) from keycloak_disable_task").query(Long.class).single();
	}

}
