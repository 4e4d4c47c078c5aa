package org.customerportal.platform.test;

/**
 * JVM shutdown hooks run concurrently: a test server stopped while Spring still closes its contexts
 * (which use it) makes the close wait for timeouts. Servers register here to stop after Spring, and
 * within a few seconds: a stop that hangs (the embedded broker's sometimes does) must not hold the
 * test JVM's exit.
 */
final class AfterSpringShutdown {

	private AfterSpringShutdown() {
	}

	private static final long STOP_LIMIT_MILLIS = 10_000;

	static void register(String name, Runnable stop) {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			awaitSpring();
			Thread stopping = new Thread(stop, "stopping-" + name);
			stopping.setDaemon(true);
			stopping.start();
			try {
				stopping.join(STOP_LIMIT_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "stop-" + name));
	}

	private static void awaitSpring() {
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if ("SpringApplicationShutdownHook".equals(thread.getName()) && thread != Thread.currentThread()) {
				try {
					thread.join(30_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

}
