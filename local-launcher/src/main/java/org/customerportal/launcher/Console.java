package org.customerportal.launcher;

import java.time.Duration;

/** The launcher's output: steps, successes and warnings, coloured on a terminal. */
final class Console {

	private final boolean colour = System.console() != null && System.getenv("NO_COLOR") == null;

	private final long startNanos = System.nanoTime();

	String bold(String text) {
		return colour ? "\u001b[1m" + text + "\u001b[0m" : text;
	}

	String yellow(String text) {
		return colour ? "\u001b[33m" + text + "\u001b[0m" : text;
	}

	void say(String line) {
		System.out.println(bold("==>") + " " + line);
	}

	void ok(String line) {
		System.out.println("    " + (colour ? "\u001b[32mok\u001b[0m" : "ok") + " " + line);
	}

	void warn(String line) {
		System.err.println("    " + yellow("warning:") + " " + line);
	}

	void error(String line) {
		System.err.println((colour ? "\u001b[31merror:\u001b[0m" : "error:") + " " + line);
	}

	/** Seconds since the launcher started, e.g. {@code 12.3s}. */
	String elapsed() {
		return String.format("%.1fs", Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0);
	}

}
