package org.customerportal.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.customerportal.platform.jobs.DueJob;
import org.customerportal.platform.jobs.DueJobSettings;
import org.customerportal.platform.jobs.DueJobs;
import org.customerportal.platform.jobs.DueTable;
import org.customerportal.platform.jobs.Outcome;
import org.customerportal.platform.retry.RetryBackOff;
import org.customerportal.platform.test.PortalIntegrationTest;
import org.customerportal.platform.testapp.TestApplication;
import org.customerportal.platform.time.OffsetClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The building block of durable scheduled work, on a table of its own: rows claimed by concurrent
 * rounds are each worked on once, outside the claim's transaction; failures wait the back-off and are
 * given up after the attempts allowed.
 */
@PortalIntegrationTest(classes = TestApplication.class)
class DueJobIntegrationTest {

	static final DueTable PARCELS = DueTable.of("parcel", "id", "status = 'WAITING'");

	static final DueJobSettings SETTINGS = new DueJobSettings(Duration.ofHours(1), 10, 3,
			new RetryBackOff(Duration.ofSeconds(5), Duration.ofMinutes(1)));

	@Autowired
	DueJobs jobs;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OffsetClock clock;

	@BeforeEach
	@AfterEach
	void empty() {
		jdbc.update("delete from parcel");
		clock.reset();
	}

	@Test
	void concurrentRoundsWorkOnEveryDueRowExactlyOnceAndOutsideATransaction() {
		jdbc.update("insert into parcel (id) select n from generate_series(1, 200) n");
		jdbc.update("insert into parcel (id, status) values (500, 'SENT')");
		jdbc.update("insert into parcel (id, next_attempt_at) values (501, now() + interval '1 hour')");
		Map<Long, AtomicInteger> worked = new ConcurrentHashMap<>();
		Set<Boolean> inTransaction = ConcurrentHashMap.newKeySet();
		DueJob<Long> job = jobs.<Long>define("parcels", PARCELS, SETTINGS)
			.reading("id", (rs, n) -> rs.getLong("id"))
			.workEach(row -> {
				inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
				worked.computeIfAbsent(row.row(), id -> new AtomicInteger()).incrementAndGet();
				return Outcome.done();
			})
			.onDone(done -> jdbc.batchUpdate("update parcel set status = 'SENT' where id = ?",
					done.stream().map(row -> new Object[] { row.row() }).toList()))
			.schedule();

		List<DueJob.Run> runs = new CopyOnWriteArrayList<>();
		List<Thread> replicas = List.of(new Thread(() -> runs.add(job.runDue())), new Thread(() -> runs.add(job.runDue())),
				new Thread(() -> runs.add(job.runDue())));
		replicas.forEach(Thread::start);
		replicas.forEach(DueJobIntegrationTest::join);

		assertThat(worked).hasSize(200).allSatisfy((id, count) -> assertThat(count).hasValue(1));
		assertThat(runs.stream().mapToInt(DueJob.Run::done).sum()).isEqualTo(200);
		assertThat(inTransaction).containsExactly(false);
		assertThat(jdbc.queryForObject("select count(*) from parcel where status = 'SENT'", Integer.class))
			.isEqualTo(201);
	}

	@Test
	void aFailureWaitsTheBackOffAndIsGivenUpAfterTheAttemptsAllowed() {
		jdbc.update("insert into parcel (id) values (1)");
		AtomicInteger tries = new AtomicInteger();
		List<Long> givenUp = new CopyOnWriteArrayList<>();
		DueJob<Long> job = jobs.<Long>define("failing-parcels", PARCELS, SETTINGS)
			.reading("id", (rs, n) -> rs.getLong("id"))
			.workEach(row -> {
				tries.incrementAndGet();
				return Outcome.failed(new IllegalStateException("the depot is closed"));
			})
			.onGivenUp(rows -> rows.forEach(row -> givenUp.add(row.row())))
			.schedule();

		Instant start = clock.instant();
		job.runDue();
		assertThat(tries).hasValue(1);
		assertThat(jdbc.queryForMap("select attempts, last_error, next_attempt_at from parcel where id = 1"))
			.containsEntry("attempts", 1)
			.containsEntry("last_error", "IllegalStateException: the depot is closed");
		assertThat(nextAttempt()).isBetween(start.plusSeconds(5), clock.instant().plusSeconds(5));

		job.runDue(); // not due yet
		assertThat(tries).hasValue(1);

		clock.advance(Duration.ofSeconds(6));
		job.runDue();
		assertThat(tries).hasValue(2);
		assertThat(nextAttempt()).isAfter(clock.instant().plusSeconds(9));

		clock.advance(Duration.ofSeconds(11));
		job.runDue();
		assertThat(tries).hasValue(3);
		assertThat(givenUp).containsExactly(1L);
		assertThat(jdbc.queryForObject("select next_attempt_at = 'infinity' from parcel where id = 1", Boolean.class))
			.isTrue();

		clock.advance(Duration.ofDays(365));
		job.runDue();
		assertThat(tries).hasValue(3);
	}

	@Test
	void aServerThatIsDownIsRetriedBeyondTheAttemptsAllowed() {
		jdbc.update("insert into parcel (id) values (1)");
		AtomicInteger tries = new AtomicInteger();
		DueJob<Long> job = jobs.<Long>define("unavailable-parcels", PARCELS, SETTINGS)
			.reading("id", (rs, n) -> rs.getLong("id"))
			.workEach(row -> tries.incrementAndGet() <= 5
					? Outcome.unavailable(new IllegalStateException("connection refused")) : Outcome.done())
			.schedule();

		for (int i = 0; i < 6; i++) {
			job.runDue();
			clock.advance(Duration.ofMinutes(2));
		}

		assertThat(tries).hasValue(6);
		assertThat(jdbc.queryForMap("select attempts, last_error, next_attempt_at from parcel where id = 1"))
			.containsEntry("attempts", 0)
			.containsEntry("last_error", null)
			.containsEntry("next_attempt_at", null);
	}

	private Instant nextAttempt() {
		return jdbc.queryForObject("select next_attempt_at from parcel where id = 1", java.sql.Timestamp.class).toInstant();
	}

	private static void join(Thread thread) {
		try {
			thread.join(30_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
