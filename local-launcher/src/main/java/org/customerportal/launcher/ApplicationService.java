package org.customerportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One of the six Spring Boot services, from its module's jar ({@code <module>/target/<module>-<version>.jar}):
 * a copy in {@code jars/} runs, so that rebuilding the module while it runs cannot pull classes from under it.
 */
final class ApplicationService implements Component {

	/** C1 only and the serial collector: about half the start time; throughput hardly matters locally. */
	static final String DEFAULT_JAVA_OPTS = "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

	private final LocalRun run;

	private final ServiceEnvironment.Service service;

	ApplicationService(LocalRun run, ServiceEnvironment.Service service) {
		this.run = run;
		this.service = service;
	}

	@Override
	public String name() {
		return service.module();
	}

	Set<Needs> needs() {
		return service.needs();
	}

	@Override
	public List<Integer> ports() {
		return List.of(service.port(), service.managementPort());
	}

	@Override
	public String address() {
		return "http://localhost:" + service.port() + " (management :" + service.managementPort() + ")";
	}

	@Override
	public Duration startWait() {
		return run.environment().wait("services", 300);
	}

	@Override
	public boolean ready() {
		return Probes.http200(service.managementPort(), "/actuator/health/readiness");
	}

	Path builtJar() {
		return run.root().resolve(service.module()).resolve("target")
			.resolve(service.module() + "-" + run.version("project") + ".jar");
	}

	private Path runnableJar() {
		Path jar = run.data().resolve("jars").resolve(service.module() + ".jar");
		try {
			Files.createDirectories(jar.getParent());
			if (!Files.isRegularFile(jar) || Files.getLastModifiedTime(builtJar()).compareTo(Files.getLastModifiedTime(jar)) > 0) {
				Files.copy(builtJar(), jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return jar;
	}

	@Override
	public void start() {
		if (run.processes().running(name()).isPresent()) {
			run.console().ok(name() + " already running");
			return;
		}
		Path jar = runnableJar();
		Environment environment = run.environment();
		List<String> command = new ArrayList<>();
		command.add(run.java());
		Arrays.stream(environment.get("LOCAL_RUN_SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTS).trim().split("\\s+"))
			.filter(option -> !option.isEmpty())
			.forEach(command::add);
		command.add(run.marker());
		if (environment.flag("LOCAL_RUN_CDS", true)) {
			command.addAll(new ClassDataSharing(run, service.module()).springBootJar(jar));
		}
		else {
			command.addAll(List.of("-jar", jar.toString()));
		}
		run.processes().start(name(), command,
				ServiceEnvironment.of(service, environment.get("LOCAL_RUN_GATEWAY_IO_THREADS", "1")), run.data());
	}

	@Override
	public void stop() {
		run.processes().stop(name(), ClassDataSharing.stopGrace(run, name()));
	}

}
