package org.customerportal.launcher;

import java.time.Duration;
import java.util.List;

/** One part of the suite the launcher starts, waits for, reports on and stops. */
interface Component {

	String name();

	/** Every port it listens on, checked free before anything starts. */
	List<Integer> ports();

	/** Where to reach it, for the status table. */
	String address();

	/** Starts it unless it runs already; returns without waiting for it to be ready. */
	void start();

	boolean ready();

	/** How long to wait for it to become ready. */
	Duration startWait();

	/** What happens once it is ready (e.g. Kafka's topics and ACLs); nothing by default. */
	default void afterReady() {
	}

	void stop();

}
