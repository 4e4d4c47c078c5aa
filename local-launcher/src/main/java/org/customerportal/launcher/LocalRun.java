package org.customerportal.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What every component needs: the repository, the data folder, the output, the processes, the versions. */
final class LocalRun {

	private final Path root;

	private final Path data;

	private final Console console;

	private final Environment environment;

	private final Processes processes;

	private final Platform platform;

	private final Properties versions;

	private final Artifacts artifacts;

	LocalRun(Path root, Path data, Console console, Environment environment) {
		this.root = root;
		this.data = data;
		this.console = console;
		this.environment = environment;
		this.processes = new Processes(data, console);
		this.platform = Platform.current();
		this.versions = versions();
		this.artifacts = new Artifacts(Artifacts.localRepository(), this);
	}

	Path root() {
		return root;
	}

	Path data() {
		return data;
	}

	Path logs() {
		return data.resolve("logs");
	}

	Console console() {
		return console;
	}

	Environment environment() {
		return environment;
	}

	Processes processes() {
		return processes;
	}

	Platform platform() {
		return platform;
	}

	Artifacts artifacts() {
		return artifacts;
	}

	String version(String name) {
		return versions.getProperty(name + ".version");
	}

	/** The JDK the launcher runs on starts everything else too. */
	String java() {
		return Path.of(System.getProperty("java.home"), "bin", platform.executable("java")).toString();
	}

	/** Marks a JVM's command line as this data folder's, so status and down recognise it. */
	String marker() {
		return "-Dlocalrun.dir=" + data;
	}

	Path mavenWrapper() {
		return root.resolve(platform.windows() ? "mvnw.cmd" : "mvnw");
	}

	/**
	 * The launcher's own class path, which is also the Kafka broker's (Kafka and a log4j binding): its jar and
	 * the jars its manifest names (never whatever else lies in lib/).
	 */
	String classPath() {
		try {
			Path jar = Path.of(LocalRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			if (!Files.isRegularFile(jar)) {
				return System.getProperty("java.class.path");
			}
			try (JarFile file = new JarFile(jar.toFile())) {
				String manifestPath = file.getManifest().getMainAttributes().getValue("Class-Path");
				return Stream.concat(Stream.of(jar), Stream.of(manifestPath.trim().split("\\s+")).map(jar::resolveSibling))
					.map(Path::toString)
					.collect(Collectors.joining(File.pathSeparator));
			}
		}
		catch (URISyntaxException | IOException ex) {
			throw new IllegalStateException("cannot find the launcher's class path", ex);
		}
	}

	/** Waits until the component is ready; fails with its log's end if it exits or the time is up. */
	void awaitReady(Component component) {
		Duration wait = component.startWait();
		boolean[] exited = new boolean[1];
		boolean ready = Processes.await(wait, () -> {
			if (component.ready()) {
				return true;
			}
			if (processes.recordedPid(component.name()).isPresent() && processes.running(component.name()).isEmpty()) {
				exited[0] = true;
				return true;
			}
			return false;
		});
		if (exited[0] && !component.ready()) {
			throw processes.failed(component.name() + " exited before it was ready. What did start is left running: see"
					+ " './local-run status', stop it with './local-run down'", processes.log(component.name()));
		}
		if (!ready) {
			throw processes.failed(component.name() + " not ready after " + wait.toSeconds() + "s. It is left running;"
					+ " see './local-run status', stop it with './local-run down'", processes.log(component.name()));
		}
		console.ok(component.name() + " ready (" + console.elapsed() + ")");
		component.afterReady();
	}

	void checkPortsFree(Component component) {
		if (processes.running(component.name()).isPresent()) {
			return;
		}
		for (int port : component.ports()) {
			if (Probes.portOpen(port)) {
				throw new LocalRunException("port " + port + " (needed by " + component.name()
						+ ") is already in use by another process. Stop that process (e.g. 'ss -ltnp | grep :" + port
						+ "') and try again.");
			}
		}
	}

	private static Properties versions() {
		Properties properties = new Properties();
		try (InputStream in = LocalRun.class.getResourceAsStream("/launcher.properties")) {
			properties.load(in);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
