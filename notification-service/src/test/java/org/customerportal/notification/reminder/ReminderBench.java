package org.customerportal.notification.reminder;

import org.springframework.context.ApplicationContext;

/**
 * Lets the benchmark run one reminder scan of the running service (not a test).
 */
public final class ReminderBench {

	private ReminderBench() {
	}

	public record Scanned(int reminders, int skipped, int mails) {
	}

	public static Scanned scan(ApplicationContext context) {
		ReminderScan.ScanResult result = context.getBean(ReminderScan.class).scan();
		return new Scanned(result.reminders(), result.skipped(), result.mails());
	}

	/** The query each scan batch starts with: due, unsent reminders up to today, claimed with SKIP LOCKED. */
	public static String claimQuery() {
		return ReminderScan.CLAIM_DUE;
	}

}
