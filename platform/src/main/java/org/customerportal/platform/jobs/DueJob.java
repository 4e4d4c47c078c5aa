package org.customerportal.platform.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable scheduled work with retries, on rows of a feature's own table ({@link DueTable}). Each round
 * claims a batch of due rows in one statement ({@code FOR UPDATE SKIP LOCKED}, moving their next attempt
 * to the end of a lease and committing), does the work outside that transaction, then records every
 * outcome in one transaction: done (the job's done step, by default the bookkeeping cleared), failed
 * (tried again after the {@link org.customerportal.platform.retry.RetryBackOff back-off}, given up after
 * {@code maxAttempts}), given up (next attempt {@code infinity}, the job's given-up step). Another replica
 * skips rows being claimed and does not see leased ones, so no row is worked on by two at once as long as
 * the work ends within the lease ({@code portal.jobs.lease}); a replica that dies leaves its rows to be
 * claimed again once the lease is over. Rounds go on while full batches succeed. Counted in
 * {@code portal.jobs.outcomes{job, outcome}}.
 * <p>
 * Define one with {@link DueJobs#define}; {@link DueJobs} runs it every {@code interval}.
 * @param <T> what the job reads of a claimed row
 */
public final class DueJob<T> {

	private static final Logger log = LoggerFactory.getLogger(DueJob.class);

	private final Definition<T> definition;

	private final NamedParameterJdbcTemplate jdbc;

	private final JdbcTemplate batches;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration lease;

	private final String claimSql;

	private final Counter done;

	private final Counter retried;

	private final Counter givenUp;

	DueJob(Definition<T> definition, NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
			Duration lease, MeterRegistry meters) {
		this.definition = definition;
		this.jdbc = jdbc;
		this.batches = jdbc.getJdbcTemplate();
		this.transactions = transactions;
		this.clock = clock;
		this.lease = lease;
		DueTable t = definition.table;
		this.claimSql = "with due as (select " + t.key() + " as due_key from " + t.table() + " where (" + t.condition()
				+ ") and (" + t.nextAttemptAt() + " is null or " + t.nextAttemptAt() + " <= :now) order by "
				+ definition.orderBy + " limit :limit for update skip locked) update " + t.table() + " set "
				+ t.nextAttemptAt() + " = :leaseEnd from due where " + t.table() + "." + t.key()
				+ " = due.due_key returning " + t.table() + "." + t.key() + " as job_key, " + t.table() + "."
				+ t.attempts() + " as job_attempts" + (definition.columns.isEmpty() ? "" : ", " + definition.columns);
		this.done = counter(meters, "done");
		this.retried = counter(meters, "retried");
		this.givenUp = counter(meters, "given_up");
	}

	private Counter counter(MeterRegistry meters, String outcome) {
		return Counter.builder("portal.jobs.outcomes")
			.description("Rows of durable jobs done, failed and to be retried, or given up")
			.tag("job", definition.name)
			.tag("outcome", outcome)
			.register(meters);
	}

	public String name() {
		return definition.name;
	}

	public DueJobSettings settings() {
		return definition.settings;
	}

	/** A row claimed for this round. */
	public record Claimed<T>(Object key, int attempts, T row) {
	}

	/**
	 * A row after its work: {@code attempts} counts the failures including this one, {@code error} and
	 * {@code nextAttemptAt} are set for a failure to be retried.
	 */
	public record Finished<T>(Claimed<T> claimed, Outcome outcome, int attempts, String error, Instant nextAttemptAt) {

		public T row() {
			return claimed.row();
		}

		/** The result of a {@link Outcome#done(Object) done} outcome. */
		public Object result() {
			return outcome instanceof Outcome.Done d ? d.result() : null;
		}

	}

	/** What one run did. */
	public record Run(int done, int retried, int givenUp) {

		Run plus(Run other) {
			return new Run(done + other.done, retried + other.retried, givenUp + other.givenUp);
		}

		public int total() {
			return done + retried + givenUp;
		}

	}

	/** Works through everything due now, with {@code workers} rounds at once (see {@link Definition#workers}). */
	public Run runDue() {
		return runDue(definition.workers);
	}

	/** The same with a chosen number of workers (benchmarks). */
	public Run runDue(int workers) {
		if (workers <= 1 || definition.executor == null) {
			return drain();
		}
		List<CompletableFuture<Run>> running = new ArrayList<>(workers);
		for (int i = 0; i < workers; i++) {
			running.add(CompletableFuture.supplyAsync(this::drain, definition.executor));
		}
		return running.stream().map(CompletableFuture::join).reduce(new Run(0, 0, 0), Run::plus);
	}

	/** Claims and works batches until one is not full or has a failure. */
	Run drain() {
		Run total = new Run(0, 0, 0);
		while (true) {
			List<Claimed<T>> claimed = claim();
			if (claimed.isEmpty()) {
				return total;
			}
			Run round = record(claimed, work(claimed));
			total = total.plus(round);
			if (claimed.size() < definition.settings.batchSize() || round.retried() + round.givenUp() > 0) {
				return total;
			}
		}
	}

	private List<Claimed<T>> claim() {
		Instant now = clock.instant();
		MapSqlParameterSource params = new MapSqlParameterSource(definition.params.apply(now))
			.addValue("now", timestamp(now))
			.addValue("leaseEnd", timestamp(now.plus(lease)))
			.addValue("limit", definition.settings.batchSize());
		RowMapper<T> rows = definition.rows;
		return jdbc.query(claimSql, params, (rs, n) -> new Claimed<>(rs.getObject("job_key"), rs.getInt("job_attempts"),
				rows.mapRow(rs, n)));
	}

	private List<Outcome> work(List<Claimed<T>> claimed) {
		try {
			List<Outcome> outcomes = definition.work.apply(claimed);
			if (outcomes.size() != claimed.size()) {
				throw new IllegalStateException(
						"Job " + definition.name + " gave " + outcomes.size() + " outcomes for " + claimed.size() + " rows");
			}
			return outcomes;
		}
		catch (RuntimeException ex) {
			log.warn("Job {} failed on a batch of {}", definition.name, claimed.size(), ex);
			return claimed.stream().map(row -> Outcome.failed(ex)).toList();
		}
	}

	private Run record(List<Claimed<T>> claimed, List<Outcome> outcomes) {
		Instant now = clock.instant();
		DueJobSettings settings = definition.settings;
		List<Finished<T>> doneRows = new ArrayList<>();
		List<Finished<T>> retriedRows = new ArrayList<>();
		List<Finished<T>> givenUpRows = new ArrayList<>();
		List<Object[]> skippedRows = new ArrayList<>();
		for (int i = 0; i < claimed.size(); i++) {
			Claimed<T> row = claimed.get(i);
			Outcome outcome = outcomes.get(i);
			int attempts = row.attempts() + 1;
			if (outcome instanceof Outcome.Done) {
				doneRows.add(new Finished<>(row, outcome, attempts, null, null));
			}
			else if (outcome instanceof Outcome.Skipped) {
				skippedRows.add(new Object[] { timestamp(now), row.key() });
			}
			else if (outcome instanceof Outcome.GiveUp g) {
				givenUpRows.add(new Finished<>(row, outcome, attempts, describe(g.failure()), null));
			}
			else if (outcome instanceof Outcome.Failed f && f.counts() && settings.maxAttempts() > 0
					&& attempts >= settings.maxAttempts()) {
				givenUpRows.add(new Finished<>(row, outcome, attempts, describe(f.failure()), null));
			}
			else if (outcome instanceof Outcome.Failed f) {
				retriedRows.add(new Finished<>(row, outcome, attempts, describe(f.failure()),
						now.plus(settings.backOff().after(attempts))));
			}
		}
		DueTable t = definition.table;
		transactions.executeWithoutResult(status -> {
			if (!doneRows.isEmpty()) {
				if (definition.onDone != null) {
					definition.onDone.accept(doneRows);
				}
				else {
					release(doneRows);
				}
			}
			update("update " + t.table() + " set " + t.attempts() + " = ?, " + t.lastError() + " = ?, "
					+ t.nextAttemptAt() + " = ? where " + t.key() + " = ?",
					retriedRows.stream()
						.map(f -> new Object[] { f.attempts(), f.error(), timestamp(f.nextAttemptAt()), f.claimed().key() })
						.toList());
			update("update " + t.table() + " set " + t.attempts() + " = ?, " + t.lastError() + " = ?, "
					+ t.nextAttemptAt() + " = 'infinity' where " + t.key() + " = ?",
					givenUpRows.stream().map(f -> new Object[] { f.attempts(), f.error(), f.claimed().key() }).toList());
			if (!givenUpRows.isEmpty()) {
				definition.onGivenUp.accept(givenUpRows);
			}
			update("update " + t.table() + " set " + t.nextAttemptAt() + " = ? where " + t.key() + " = ?", skippedRows);
		});
		if (!retriedRows.isEmpty()) {
			definition.onRetry.accept(retriedRows);
		}
		done.increment(doneRows.size());
		retried.increment(retriedRows.size());
		givenUp.increment(givenUpRows.size());
		return new Run(doneRows.size(), retriedRows.size(), givenUpRows.size());
	}

	private void update(String sql, List<Object[]> rows) {
		if (!rows.isEmpty()) {
			batches.batchUpdate(sql, rows);
		}
	}

	/** Clears the bookkeeping of done rows: the default done step. */
	void release(List<Finished<T>> rows) {
		DueTable t = definition.table;
		update("update " + t.table() + " set " + t.nextAttemptAt() + " = null, " + t.attempts() + " = 0, " + t.lastError()
				+ " = null where " + t.key() + " = ?", rows.stream().map(f -> new Object[] { f.claimed().key() }).toList());
	}

	/** The root cause, as the last error of a row: its type and message, at most 500 characters. */
	static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getClass().getSimpleName() + ": " + root.getMessage();
		return message.length() > 500 ? message.substring(0, 500) : message;
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
	}

	/**
	 * A job's definition; only {@link #work} is required besides what {@link DueJobs#define} takes.
	 * @param <T> what the job reads of a claimed row
	 */
	public static final class Definition<T> {

		private final DueJobs jobs;

		final String name;

		final DueTable table;

		final DueJobSettings settings;

		String columns = "";

		RowMapper<T> rows = (rs, n) -> null;

		String orderBy;

		Function<Instant, Map<String, ?>> params = now -> Map.of();

		Function<List<Claimed<T>>, List<Outcome>> work;

		Consumer<List<Finished<T>>> onDone;

		Consumer<List<Finished<T>>> onGivenUp = rows -> {
		};

		Consumer<List<Finished<T>>> onRetry = rows -> {
		};

		int workers = 1;

		AsyncTaskExecutor executor;

		Definition(DueJobs jobs, String name, DueTable table, DueJobSettings settings) {
			this.jobs = jobs;
			this.name = name;
			this.table = table;
			this.settings = settings;
			this.orderBy = table.nextAttemptAt() + " nulls first";
		}

		/** Columns of the row (SQL, e.g. {@code "kind, recipient, model::text as model"}) and how to read them. */
		public Definition<T> reading(String columns, RowMapper<T> rows) {
			this.columns = columns;
			this.rows = rows;
			return this;
		}

		/** The order in which due rows are claimed; by default the next attempt's time. */
		public Definition<T> orderBy(String orderBy) {
			this.orderBy = orderBy;
			return this;
		}

		/** Named parameters of the table's condition, besides {@code :now}. */
		public Definition<T> parameters(Function<Instant, Map<String, ?>> params) {
			this.params = params;
			return this;
		}

		/** The work on a batch, outside any transaction: one outcome per row, in the batch's order. */
		public Definition<T> work(Function<List<Claimed<T>>, List<Outcome>> work) {
			this.work = work;
			return this;
		}

		/**
		 * The work on one row at a time, outside any transaction; after a failure the rest of the batch
		 * is not tried (it is due again at once, for the next round).
		 */
		public Definition<T> workEach(Function<Claimed<T>, Outcome> each) {
			return work(batch -> {
				List<Outcome> outcomes = new ArrayList<>(batch.size());
				boolean failed = false;
				for (Claimed<T> row : batch) {
					Outcome outcome = failed ? Outcome.skipped() : each.apply(row);
					failed |= !(outcome instanceof Outcome.Done);
					outcomes.add(outcome);
				}
				return outcomes;
			});
		}

		/**
		 * The done step, in the transaction that records the outcomes; it must leave the row no longer
		 * due (e.g. delete it, or change what the table's condition asks). By default the bookkeeping is
		 * cleared, and the table's condition alone decides when the row is due again.
		 */
		public Definition<T> onDone(Consumer<List<Finished<T>>> onDone) {
			this.onDone = onDone;
			return this;
		}

		/** Besides the bookkeeping (next attempt never), in the same transaction, e.g. a status. */
		public Definition<T> onGivenUp(Consumer<List<Finished<T>>> onGivenUp) {
			this.onGivenUp = onGivenUp;
			return this;
		}

		/** Told after commit about failures to be retried (logs, metrics). */
		public Definition<T> onRetry(Consumer<List<Finished<T>>> onRetry) {
			this.onRetry = onRetry;
			return this;
		}

		/** Runs this many rounds at once on the executor, e.g. one per SMTP connection. */
		public Definition<T> workers(int workers, AsyncTaskExecutor executor) {
			this.workers = workers;
			this.executor = executor;
			return this;
		}

		/** The job, run every {@code interval} from the start of the application on. */
		public DueJob<T> schedule() {
			if (work == null) {
				throw new IllegalStateException("Job " + name + " has no work");
			}
			return jobs.schedule(this);
		}

	}

}
