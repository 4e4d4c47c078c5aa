package org.customerportal.platform.test;

/**
 * JVM shutdown hooks run concurrently: a test server stopped while Spring still closes its contexts
 * (which use it) makes the close wait for timeouts. Servers register here to stop after Spring.
 */
final class AfterSpringShutdown {

	private AfterSpringShutdown() {
	}

	static void register(String name, Runnable stop) {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			awaitSpring();
			stop.run();
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
