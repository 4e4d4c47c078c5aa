package org.customerportal.platform.jobs;

/**
 * Where a {@link DueJob} finds its work: rows of {@code table} that meet {@code condition} (SQL, may use
 * {@code :now} and the job's parameters) and whose {@code nextAttemptAt} is null or past. The job keeps
 * its bookkeeping in three columns of the same row: the time of the next attempt (also the lease while a
 * replica works on the row), the failed attempts and the last error.
 * @param table the table
 * @param key its primary key column
 * @param condition what makes a row work to do, besides its time
 * @param nextAttemptAt a {@code timestamptz} column; null means "as soon as the condition holds"
 * @param attempts an {@code int} column counting failed attempts
 * @param lastError a {@code text} column with the last failure
 */
public record DueTable(String table, String key, String condition, String nextAttemptAt, String attempts,
		String lastError) {

	/** Bookkeeping in the columns {@code next_attempt_at}, {@code attempts} and {@code last_error}. */
	public static DueTable of(String table, String key, String condition) {
		return new DueTable(table, key, condition, "next_attempt_at", "attempts", "last_error");
	}

	/** Bookkeeping in columns named {@code <prefix>at}, {@code <prefix>attempts}, {@code <prefix>error}. */
	public DueTable withColumnPrefix(String prefix) {
		return new DueTable(table, key, condition, prefix + "at", prefix + "attempts", prefix + "error");
	}

}
