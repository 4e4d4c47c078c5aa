package org.customerportal.platform.jobs;

/**
 * What became of the work on one claimed row.
 */
public sealed interface Outcome {

	/** Done; {@code result} goes to the job's done step (e.g. the subject of a sent mail), may be null. */
	static Outcome done(Object result) {
		return new Done(result);
	}

	static Outcome done() {
		return new Done(null);
	}

	/** Failed: tried again after the back-off, given up after {@code maxAttempts} of these. */
	static Outcome failed(Throwable failure) {
		return new Failed(failure, true);
	}

	/**
	 * Failed because something it needs is unavailable (a server down): tried again after the back-off,
	 * however often, never given up.
	 */
	static Outcome unavailable(Throwable failure) {
		return new Failed(failure, false);
	}

	/** Failed so that no repeat can help (a bug, bad data): given up at once. */
	static Outcome giveUp(Throwable failure) {
		return new GiveUp(failure);
	}

	/** Not tried: an earlier row of the batch failed, so this one is due again at once. */
	static Outcome skipped() {
		return new Skipped();
	}

	record Done(Object result) implements Outcome {
	}

	record Failed(Throwable failure, boolean counts) implements Outcome {
	}

	record GiveUp(Throwable failure) implements Outcome {
	}

	record Skipped() implements Outcome {
	}

}
