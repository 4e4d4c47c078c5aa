package org.customerportal.gateway;

import java.util.Map;
import java.util.Properties;

/**
 * How many event-loop threads carry the gateway's connections, both to callers and to the services:
 * {@code GATEWAY_IO_THREADS}, by default one per processor the JVM may use (the container's CPU
 * limit). Reactor Netty's own default is at least four, also on one or two cores; in a proxy whose
 * every request is handled on event loops, threads beyond the cores only add context switches
 * (bench/gateway measured about 15% less CPU per request on two cores with two threads).
 * An explicit {@code -Dreactor.netty.ioWorkerCount} wins.
 */
final class EventLoopThreads {

	static final String REACTOR_NETTY_PROPERTY = "reactor.netty.ioWorkerCount";

	static final String ENVIRONMENT_VARIABLE = "GATEWAY_IO_THREADS";

	private EventLoopThreads() {
	}

	/** Must run before Reactor Netty's classes load: they read the property once. */
	static void configure(Map<String, String> environment, Properties systemProperties, int processors) {
		if (systemProperties.getProperty(REACTOR_NETTY_PROPERTY) != null) {
			return;
		}
		String configured = environment.getOrDefault(ENVIRONMENT_VARIABLE, "").trim();
		int threads = configured.isEmpty() ? Math.max(1, processors) : parse(configured);
		systemProperties.setProperty(REACTOR_NETTY_PROPERTY, Integer.toString(threads));
	}

	private static int parse(String configured) {
		try {
			int threads = Integer.parseInt(configured);
			if (threads >= 1) {
				return threads;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(
				ENVIRONMENT_VARIABLE + " must be a whole number of threads, at least 1; it is '" + configured + "'");
	}

}
