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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * One of the six Spring Boot services, from its module's jar ({@code <module>/target/<module>-<version>.jar}):
 * a copy in {@code jars/} runs, so that rebuilding the module while it runs cannot pull classes from under it.
 */
final class ApplicationService implements Component {

	/** C1 only and the serial collector: about half the start time; throughput hardly matters locally. */
	static final String DEFAULT_JAVA_OPTS = "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

	private final LocalRun run;

	private final ServiceEnvironment.Service service;

	private CompletableFuture<List<String>> prepared;

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

	/** The copy that runs (made by {@link #runnableJar()}). */
	private Path runningJar() {
		return run.data().resolve("jars").resolve(service.module() + ".jar");
	}

	private Path runnableJar() {
		Path jar = runningJar();
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

	/**
	 * Copies and (for class-data sharing) extracts the jar on the given executor, so that the first start does it
	 * while the infrastructure starts rather than when the service is due.
	 */
	void prepareInBackground(Executor executor) {
		if (prepared == null && run.processes().running(name()).isEmpty()) {
			prepared = CompletableFuture.supplyAsync(this::prepare, executor);
		}
	}

	private List<String> prepare() {
		Path jar = runnableJar();
		if (run.environment().flag("LOCAL_RUN_CDS", true)) {
			return classDataSharing().springBootJar(jar);
		}
		return List.of("-jar", jar.toString());
	}

	@Override
	public void start() {
		if (run.processes().running(name()).isPresent()) {
			run.console().ok(name() + " already running");
			return;
		}
		List<String> command = javaAndOptions();
		command.addAll(prepared());
		run.processes().start(name(), command, environment(), run.data());
	}

	private List<String> javaAndOptions() {
		List<String> command = new ArrayList<>();
		command.add(run.java());
		Arrays.stream(run.environment().get("LOCAL_RUN_SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTS).trim().split("\\s+"))
			.filter(option -> !option.isEmpty())
			.forEach(command::add);
		command.add(run.marker());
		return command;
	}

	private Map<String, String> environment() {
		return ServiceEnvironment.of(service, run.environment().get("LOCAL_RUN_GATEWAY_IO_THREADS", "1"));
	}

	private List<String> prepared() {
		if (prepared == null) {
			return prepare();
		}
		try {
			return prepared.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** Whether its stop should be followed by a class-data sharing training run (the first stop of a new jar). */
	boolean needsTraining() {
		return run.environment().flag("LOCAL_RUN_CDS", true) && run.processes().running(name()).isPresent()
				&& classDataSharing().needsTraining(runningJar());
	}

	@Override
	public void stop() {
		boolean train = needsTraining();
		run.processes().stop(name(), Duration.ofSeconds(30));
		if (train) {
			classDataSharing().train(javaAndOptions(), runningJar(), environment());
		}
	}

	private ClassDataSharing classDataSharing() {
		return new ClassDataSharing(run, service.module());
	}

}
