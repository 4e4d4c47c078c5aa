package org.customerportal.launcher;

/** A failure the launcher reports in one sentence (and exits with 1), never with a stack trace. */
final class LocalRunException extends RuntimeException {

	LocalRunException(String message) {
		super(message);
	}

	LocalRunException(String message, Throwable cause) {
		super(message, cause);
	}

}
