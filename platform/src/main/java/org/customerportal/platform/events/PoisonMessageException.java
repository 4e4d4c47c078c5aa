package org.customerportal.platform.events;

/**
 * A message that no retry can fix (not a CloudEvent, or data that does not bind): it goes straight to
 * the dead-letter topic.
 */
public class PoisonMessageException extends RuntimeException {

	public PoisonMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
