package org.customerportal.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The components' processes: started detached with their output in {@code logs/<name>.log} and their pid in
 * {@code run/<name>.pid}, found again through those pid files by a later {@code status} or {@code down}, and
 * recognised as ours only when their command line names the data folder (a stale pid file never stops a
 * stranger).
 */
final class Processes {

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private final Path data;

	private final Path logs;

	private final Path run;

	private final Console console;

	Processes(Path data, Console console) {
		this.data = data;
		this.logs = data.resolve("logs");
		this.run = data.resolve("run");
		this.console = console;
	}

	Path log(String name) {
		return logs.resolve(name + ".log");
	}

	/**
	 * Starts a component. Where {@code setsid} exists it gets a session of its own, so that a Ctrl-C in the
	 * terminal reaches only the launcher, which then stops everything in order.
	 */
	ProcessHandle start(String name, List<String> command, Map<String, String> environment, Path directory) {
		Path log = log(name);
		try {
			Files.createDirectories(run);
			Files.createDirectories(logs);
			if (Files.exists(log)) {
				Files.move(log, logs.resolve(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
			}
			List<String> full = new ArrayList<>();
			if (Files.isExecutable(SETSID)) {
				full.add(SETSID.toString());
			}
			full.addAll(command);
			ProcessBuilder builder = new ProcessBuilder(full).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")));
			builder.environment().putAll(environment);
			Process process = builder.start();
			record(name, process.pid());
			return process.toHandle();
		}
		catch (IOException ex) {
			throw new LocalRunException(name + " could not be started: " + ex.getMessage(), ex);
		}
	}

	/** Runs a command to its end, its output to {@code logs/<name>.log}; fails with the log's end otherwise. */
	void runToEnd(String name, List<String> command, Map<String, String> environment, Duration timeout) {
		runToEnd(name, command, environment, data, null, timeout);
	}

	/** The same in a given folder, with a file as its input (or none). */
	void runToEnd(String name, List<String> command, Map<String, String> environment, Path directory, Path input,
			Duration timeout) {
		Path log = log(name);
		try {
			Files.createDirectories(logs);
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			if (input != null) {
				builder.redirectInput(input.toFile());
			}
			builder.environment().putAll(environment);
			Process process = builder.start();
			if (input == null) {
				process.getOutputStream().close();
			}
			if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				throw failed(name + " did not finish within " + timeout.toSeconds() + "s", log);
			}
			if (process.exitValue() != 0) {
				throw failed(name + " failed (exit code " + process.exitValue() + ")", log);
			}
		}
		catch (IOException ex) {
			throw new LocalRunException(name + " could not be started: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalRunException(name + " interrupted", ex);
		}
	}

	void record(String name, long pid) {
		try {
			Files.createDirectories(run);
			Files.writeString(run.resolve(name + ".pid"), pid + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The recorded pid, whether or not that process still runs. */
	Optional<Long> recordedPid(String name) {
		Path file = run.resolve(name + ".pid");
		try {
			return Files.isRegularFile(file) ? Optional.of(Long.parseLong(Files.readString(file).strip())) : Optional.empty();
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** The component's process, if it runs and is ours. */
	Optional<ProcessHandle> running(String name) {
		return recordedPid(name).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).filter(this::ours);
	}

	boolean ours(ProcessHandle process) {
		String marker = data.toString();
		Optional<String> commandLine = process.info().commandLine();
		if (commandLine.isPresent()) {
			return commandLine.get().contains(marker);
		}
		// where the JDK cannot read another user's command line (e.g. PostgreSQL's), Linux's /proc can
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
					StandardCharsets.UTF_8).contains(marker);
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	void forget(String name) {
		try {
			Files.deleteIfExists(run.resolve(name + ".pid"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** TERM to the component and its descendants, KILL after the grace period. */
	void stop(String name, Duration grace) {
		Optional<ProcessHandle> process = running(name);
		if (process.isPresent()) {
			ProcessHandle handle = process.get();
			List<ProcessHandle> all = new ArrayList<>(handle.descendants().toList());
			all.add(0, handle);
			all.forEach(ProcessHandle::destroy);
			if (!await(grace, () -> all.stream().noneMatch(ProcessHandle::isAlive))) {
				console.warn(name + " (pid " + handle.pid() + ") did not stop within " + grace.toSeconds() + "s: killing it");
				all.forEach(ProcessHandle::destroyForcibly);
				await(Duration.ofSeconds(5), () -> all.stream().noneMatch(ProcessHandle::isAlive));
			}
			console.ok("stopped " + name + " (pid " + handle.pid() + ")");
		}
		forget(name);
	}

	LocalRunException failed(String what, Path log) {
		return new LocalRunException(what + " (log: " + log + ")\n" + tail(log));
	}

	static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return "---- last lines of " + log + " ----\n"
					+ String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())) + "\n---- end of "
					+ log + " ----";
		}
		catch (IOException | UncheckedIOException ex) {
			return "";
		}
	}

	/** Polls a condition every 250 ms until it holds or the time is up. */
	static boolean await(Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			if (condition.getAsBoolean()) {
				return true;
			}
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}

}
