package org.customerportal.e2e.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Calls the repository's {@code ./local-run} with one data folder and the environment the services need
 * for these tests (they inherit the script's environment). Its output is echoed with a prefix.
 */
public final class LocalRun {

	private final Path repositoryRoot;

	private final Path dataFolder;

	private final Map<String, String> environment;

	LocalRun(Path repositoryRoot, Path dataFolder, Map<String, String> environment) {
		this.repositoryRoot = repositoryRoot;
		this.dataFolder = dataFolder;
		this.environment = environment;
	}

	public Path dataFolder() {
		return dataFolder;
	}

	/** Runs {@code ./local-run <arguments>}; fails with the end of its output unless it exits with 0 in time. */
	public void run(Duration timeout, String... arguments) {
		List<String> command = new ArrayList<>(List.of("sh", repositoryRoot.resolve("local-run").toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(repositoryRoot.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		builder.environment().put("LOCAL_RUN_DIR", dataFolder.toString());
		String shown = "./local-run " + String.join(" ", arguments);
		log(shown + " (LOCAL_RUN_DIR=" + dataFolder + ")");
		Deque<String> tail = new ArrayDeque<>();
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(shown + " could not be started", ex);
		}
		Thread echo = new Thread(() -> echo(process, tail), "local-run output");
		echo.setDaemon(true);
		echo.start();
		try {
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroy);
				process.destroy();
				throw new IllegalStateException(shown + " did not finish within " + timeout + "; last output:\n"
						+ String.join("\n", snapshot(tail)));
			}
			echo.join(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(shown + " interrupted", ex);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(shown + " failed with exit code " + process.exitValue() + "; last output:\n"
					+ String.join("\n", snapshot(tail)));
		}
	}

	/** The pid ./local-run recorded for a component, if that process still runs from this data folder. */
	public ProcessHandle runningComponent(String component) {
		Path pidFile = dataFolder.resolve("run").resolve(component + ".pid");
		try {
			long pid = Long.parseLong(Files.readString(pidFile).strip());
			ProcessHandle process = ProcessHandle.of(pid).orElseThrow(
					() -> new IllegalStateException(component + " (pid " + pid + ") does not run"));
			String commandLine = process.info().commandLine().orElse("");
			if (!commandLine.contains(dataFolder.toString())) {
				throw new IllegalStateException("pid " + pid + " of " + pidFile + " is not " + component + " of this data folder");
			}
			return process;
		}
		catch (IOException ex) {
			throw new IllegalStateException("no running " + component + " recorded in " + pidFile, ex);
		}
	}

	private static void echo(Process process, Deque<String> tail) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				log("  " + line);
				synchronized (tail) {
					tail.addLast(line);
					if (tail.size() > 80) {
						tail.removeFirst();
					}
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

	private static List<String> snapshot(Deque<String> tail) {
		synchronized (tail) {
			return new ArrayList<>(tail);
		}
	}

	static void log(String line) {
		System.out.println("[e2e] " + line);
	}

}
