package org.customerportal.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One line per component: pid, ready / starting / exited / stopped, memory, address. Exit code 0 when something
 * runs and all of it is ready, 1 when something is starting or exited, 3 when nothing runs.
 */
final class Status {

	private static final String ROW = "%-22s %-8s %-9s %8s  %s%n";

	private final LocalRun run;

	private final List<Component> components = new ArrayList<>();

	Status(LocalRun run, List<Component> infrastructure, List<? extends Component> services) {
		this.run = run;
		this.components.addAll(infrastructure);
		this.components.addAll(services);
	}

	int print() {
		System.out.printf(ROW, "COMPONENT", "PID", "STATE", "MEMORY", "ADDRESS");
		boolean allReady = true;
		int running = 0;
		long total = 0;
		for (Component component : components) {
			Optional<ProcessHandle> process = run.processes().running(component.name());
			Optional<Long> recorded = run.processes().recordedPid(component.name());
			String pid = "-";
			String state;
			String memory = "-";
			if (process.isPresent()) {
				running++;
				pid = Long.toString(process.get().pid());
				state = component.ready() ? "ready" : "starting";
				allReady &= state.equals("ready");
				long mib = memoryMib(process.get());
				total += mib;
				memory = mib + " MiB";
			}
			else if (recorded.isPresent()) {
				state = "exited";
				allReady = false;
				pid = "(" + recorded.get() + ")";
			}
			else {
				state = "stopped";
			}
			System.out.printf(ROW, component.name(), pid, state, memory, component.address());
		}
		System.out.printf(ROW, "total", "", "", total + " MiB", "");
		System.out.println("data folder: " + run.data() + "   logs: " + run.logs());
		if (running == 0) {
			return 3;
		}
		return allReady ? 0 : 1;
	}

	/**
	 * Resident memory of a process and its descendants: proportional set size (shared pages split between the
	 * processes sharing them) where Linux's /proc tells it, else the resident set size from {@code ps}.
	 */
	static long memoryMib(ProcessHandle process) {
		long kib = Stream.concat(Stream.of(process), process.descendants()).mapToLong(Status::kib).sum();
		return kib / 1024;
	}

	private static long kib(ProcessHandle process) {
		Path rollup = Path.of("/proc", Long.toString(process.pid()), "smaps_rollup");
		try {
			if (Files.isReadable(rollup)) {
				for (String line : Files.readAllLines(rollup)) {
					if (line.startsWith("Pss:")) {
						return Long.parseLong(line.replaceAll("\\D", ""));
					}
				}
			}
			Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(process.pid())).start();
			String out = new String(ps.getInputStream().readAllBytes()).strip();
			return out.isEmpty() ? 0 : Long.parseLong(out);
		}
		catch (IOException | NumberFormatException ex) {
			return 0;
		}
	}

}
