package org.customerportal.notification.mail;

import org.springframework.context.ApplicationContext;

/**
 * Lets the benchmark drive the running service's mail worker (not a test).
 */
public final class MailBench {

	private MailBench() {
	}

	/** Sends queued mail until none is due, as one scheduled run of the worker does, over this many connections. */
	public static void drain(ApplicationContext context, int senders) {
		context.getBean(MailWorker.class).drain(senders);
	}

}
