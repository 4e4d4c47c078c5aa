package org.customerportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local run (docs/local-run.md): {@code java -jar local-launcher.jar <command>}, called by
 * {@code ./local-run} with the repository root as {@code -Dlocalrun.root} (default: the working directory).
 */
public final class Launcher {

	private final LocalRun run;

	private final Console console;

	private final Postgres postgres;

	private final Kafka kafka;

	private final Keycloak keycloak;

	private final Mail mail;

	private final List<ApplicationService> services;

	private final AtomicBoolean stopping = new AtomicBoolean();

	Launcher(LocalRun run) {
		this.run = run;
		this.console = run.console();
		this.postgres = new Postgres(run);
		this.keycloak = new Keycloak(run);
		this.kafka = new Kafka(run, keycloak::signingKey);
		this.mail = new Mail(run);
		this.services = ServiceEnvironment.SERVICES.stream().map(s -> new ApplicationService(run, s)).toList();
	}

	public static void main(String[] args) {
		Console console = new Console();
		try {
			Arguments arguments = Arguments.parse(List.of(args));
			if (arguments.command() == Arguments.Command.HELP) {
				System.out.print(Arguments.USAGE);
				return;
			}
			Path root = Path.of(System.getProperty("localrun.root", "")).toAbsolutePath().normalize();
			Map<String, String> variables = System.getenv();
			Path data = Path.of(variables.getOrDefault("LOCAL_RUN_DIR", root.resolve(".local").toString()));
			Files.createDirectories(data);
			data = data.toRealPath();
			Launcher launcher = new Launcher(new LocalRun(root, data, console, new Environment(variables)));
			System.exit(launcher.execute(arguments));
		}
		catch (IllegalArgumentException ex) {
			console.error(ex.getMessage());
			System.exit(2);
		}
		catch (LocalRunException | IllegalStateException | UncheckedIOException ex) {
			console.error(ex.getMessage());
			System.exit(1);
		}
		catch (IOException ex) {
			console.error(ex.toString());
			System.exit(1);
		}
	}

	int execute(Arguments arguments) {
		return switch (arguments.command()) {
			case UP -> up(arguments);
			case DOWN -> down(arguments.scope());
			case STATUS -> new Status(run, infrastructure(), services).print();
			case CLEAN -> clean();
			case HELP -> 0;
		};
	}

	private List<Component> infrastructure() {
		return List.of(postgres, kafka, keycloak, mail);
	}

	private int up(Arguments arguments) {
		if (arguments.foreground()) {
			// Ctrl-C, a closed terminal or TERM stop everything this data folder started
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				if (stopping.compareAndSet(false, true)) {
					System.out.println();
					down(Arguments.Scope.ALL);
				}
			}, "local-run down"));
		}
		Arguments.Scope scope = arguments.scope();
		if (scope.services()) {
			services.forEach(run::checkPortsFree);
			build(arguments.rebuild());
			prepareInBackground();
		}
		if (scope.infrastructure()) {
			startInfrastructure(scope.services());
		}
		else if (postgres.ready() && kafka.ready() && keycloak.ready() && mail.ready()) {
			startServices(services);
		}
		else {
			throw new LocalRunException("--services-only needs the infrastructure running: start it with"
					+ " './local-run up --infra-only' (see './local-run status')");
		}
		if (scope.services()) {
			services.forEach(run::awaitReady);
		}
		new Summary(run, scope).print();
		if (arguments.foreground()) {
			supervise();
		}
		return 0;
	}

	/**
	 * Starts the infrastructure side by side (the broker knows the realm's signing key from the realm file, so it
	 * need not wait for Keycloak) and (withServices) each service as soon as what it needs is ready; returns when
	 * the infrastructure is ready.
	 */
	private void startInfrastructure(boolean withServices) {
		// every port first, so that a taken one fails before anything starts
		infrastructure().forEach(run::checkPortsFree);
		postgres.start();
		keycloak.start();
		kafka.start();
		mail.start();
		run.awaitReady(postgres);
		List<ApplicationService> started = new ArrayList<>();
		if (withServices) {
			started.addAll(startServicesReadyFor(started));
		}
		run.awaitReady(kafka);
		if (withServices) {
			started.addAll(startServicesReadyFor(started));
		}
		run.awaitReady(mail);
		run.awaitReady(keycloak);
		if (withServices) {
			startServicesReadyFor(started);
		}
	}

	private List<ApplicationService> startServicesReadyFor(List<ApplicationService> started) {
		List<Needs> ready = new ArrayList<>();
		if (kafka.ready()) {
			ready.add(Needs.KAFKA);
		}
		if (keycloak.ready()) {
			ready.add(Needs.KEYCLOAK);
		}
		return startServices(services.stream()
			.filter(s -> !started.contains(s) && ready.containsAll(s.needs()))
			.toList());
	}

	private List<ApplicationService> startServices(List<ApplicationService> these) {
		if (!these.isEmpty()) {
			console.say("Starting " + String.join(", ", these.stream().map(Component::name).toList()) + " (log: "
					+ run.logs() + "/<service>.log)");
			these.forEach(ApplicationService::start);
		}
		return these;
	}

	/**
	 * Copies and extracts the jars one at a time on a thread of their own (the common pool would give each a
	 * thread of its own on two cores: six extracting JVMs at once beside PostgreSQL's and Keycloak's first start).
	 */
	private void prepareInBackground() {
		ExecutorService preparing = Executors.newSingleThreadExecutor(task -> {
			Thread thread = new Thread(task, "prepare jars");
			thread.setDaemon(true);
			return thread;
		});
		services.forEach(s -> s.prepareInBackground(preparing));
		// runs what it was given, then its thread ends
		preparing.shutdown();
	}

	/** Builds the service jars when one is missing or when asked to; never the launcher's own module. */
	private void build(boolean rebuild) {
		List<String> missing = services.stream().filter(s -> !Files.isRegularFile(s.builtJar())).map(Component::name).toList();
		if (!rebuild && missing.isEmpty()) {
			console.ok("service jars present (./local-run up --rebuild to build them again)");
			return;
		}
		String modules = String.join(",", services.stream().map(Component::name).toList());
		console.say("Building the services: " + run.mavenWrapper().getFileName() + " -B -DskipTests -pl " + modules
				+ " -am package (log: " + run.processes().log("build") + ")");
		run.processes().runToEnd("build", List.of(run.mavenWrapper().toString(), "-B", "-DskipTests", "-f",
				run.root().resolve("pom.xml").toString(), "-pl", modules, "-am", "package"), Map.of(), Duration.ofMinutes(30));
		console.ok("built (" + console.elapsed() + ")");
	}

	/** Stays attached: reports a component that stops unexpectedly, until Ctrl-C. */
	private void supervise() {
		console.say("Running in the foreground: Ctrl-C stops everything.");
		List<Component> all = new ArrayList<>(infrastructure());
		all.addAll(services);
		while (!stopping.get()) {
			for (Component component : all) {
				if (run.processes().recordedPid(component.name()).isPresent()
						&& run.processes().running(component.name()).isEmpty()) {
					console.warn(component.name() + " stopped unexpectedly (log: " + run.processes().log(component.name()) + ")");
					run.processes().forget(component.name());
				}
			}
			try {
				Thread.sleep(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private int down(Arguments.Scope scope) {
		console.say(scope == Arguments.Scope.SERVICES ? "Stopping the services (" + run.data() + ")"
				: "Stopping the local run (" + run.data() + ")");
		if (services.stream().anyMatch(ApplicationService::needsTraining)) {
			console.say("First stop of these jars: training runs record class-data sharing archives for faster starts"
					+ " (about a minute on two cores, once)");
		}
		// side by side: each one's stop waits only for itself (and its training run)
		List<Thread> stops = services.stream().map(s -> new Thread(s::stop, "stop " + s.name())).toList();
		stops.forEach(Thread::start);
		for (Thread stop : stops) {
			try {
				stop.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (scope != Arguments.Scope.SERVICES) {
			mail.stop();
			keycloak.stop();
			kafka.stop();
			postgres.stop();
		}
		console.ok(scope == Arguments.Scope.SERVICES ? "services stopped" : "everything stopped");
		return 0;
	}

	/** Removes the data folder (fetched artifacts stay in Maven's local repository). */
	private int clean() {
		List<Component> all = new ArrayList<>(infrastructure());
		all.addAll(services);
		for (Component component : all) {
			if (run.processes().running(component.name()).isPresent()) {
				throw new LocalRunException(component.name() + " is still running: './local-run down' first");
			}
		}
		console.say("Removing " + run.data());
		Optional<Path> outside = postgres.outsideDataFolder();
		outside.ifPresent(folder -> {
			Folders.delete(folder);
			try {
				Files.deleteIfExists(folder.getParent());
			}
			catch (IOException ex) {
				// not empty: left alone
			}
		});
		Folders.delete(run.data());
		console.ok("removed; the next './local-run up' starts from scratch (Maven's local repository keeps the downloads)");
		return 0;
	}

}
