package org.customerportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * PostgreSQL 15 on 127.0.0.1:15432: the server binaries of io.zonky.test.postgres for this platform (or
 * {@code PG_BIN}), one cluster in {@code postgres/data}, created once with the role and the services'
 * databases. PostgreSQL refuses to run as root, so as root it runs as the OS user {@code postgres}
 * ({@code nobody} where that does not exist).
 */
final class Postgres implements Component {

	/** LOCAL DEVELOPMENT DEFAULTS: never use them anywhere but on a developer's machine. */
	static final String USER = "portal";

	static final String PASSWORD = "portal";

	static final List<String> DATABASES = List.of("account_service", "order_service", "license_service",
			"notification_service", "portal_web");

	private final LocalRun run;

	private final boolean asRoot = "root".equals(System.getProperty("user.name"));

	private Path home;

	private String serverUser;

	Postgres(LocalRun run) {
		this.run = run;
		this.home = run.data().resolve("postgres");
	}

	@Override
	public String name() {
		return "postgres";
	}

	@Override
	public List<Integer> ports() {
		return List.of(Ports.POSTGRES);
	}

	@Override
	public String address() {
		return "jdbc:postgresql://localhost:" + Ports.POSTGRES + "/<db>";
	}

	@Override
	public Duration startWait() {
		return run.environment().wait("postgres", 60);
	}

	private Path dataDirectory() {
		return resolvedHome().resolve("data");
	}

	@Override
	public boolean ready() {
		Path pidFile = dataDirectory().resolve("postmaster.pid");
		try {
			List<String> lines = Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile) : List.of();
			return lines.size() >= 8 && lines.get(7).startsWith("ready") && Probes.portOpen(Ports.POSTGRES);
		}
		catch (IOException | UncheckedIOException ex) {
			return false;
		}
	}

	@Override
	public void start() {
		Path bin = binaries();
		run.console().say("PostgreSQL on 127.0.0.1:" + Ports.POSTGRES + " (" + bin + ")");
		if (run.processes().running(name()).isPresent() && ready()) {
			run.console().ok("already running");
			return;
		}
		Path home = resolvedHome();
		Path data = dataDirectory();
		try {
			Files.createDirectories(home);
			if (asRoot) {
				Files.setOwner(home, osUser());
			}
			if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
				initialise(bin, home, data);
			}
			Path log = home.resolve("postgres.log");
			Files.createDirectories(run.logs());
			Path link = run.processes().log(name());
			Files.deleteIfExists(link);
			Files.createSymbolicLink(link, log);
			if (Files.exists(log)) {
				Files.move(log, home.resolve("postgres.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			runAsServerUser("pg_ctl", List.of(bin.resolve(run.platform().executable("pg_ctl")).toString(), "-D",
					data.toString(), "-l", log.toString(), "-w", "-t", Long.toString(startWait().toSeconds()), "start"), null);
			String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
			run.processes().record(name(), Long.parseLong(pid));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void initialise(Path bin, Path home, Path data) throws IOException {
		run.console().say("Initialising the PostgreSQL cluster (first time only)");
		runAsServerUser("initdb", List.of(bin.resolve(run.platform().executable("initdb")).toString(), "-D", data.toString(),
				"-U", "postgres", "-E", "UTF8", "--no-locale", "--auth-local=" + (run.platform().windows() ? "trust" : "peer"),
				"--auth-host=scram-sha-256"), null);
		Files.writeString(data.resolve("postgresql.conf"), """

				# ---- customer portal local run ----
				port = %d
				listen_addresses = '127.0.0.1'
				unix_socket_directories = ''
				max_connections = 200
				""".formatted(Ports.POSTGRES), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
		// the role and the databases in single-user mode: no client binaries, no password exchange
		StringBuilder sql = new StringBuilder("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "';\n");
		DATABASES.forEach(db -> sql.append("CREATE DATABASE ").append(db).append(" OWNER ").append(USER).append(";\n"));
		Path script = home.resolve("setup.sql");
		Files.writeString(script, sql);
		runAsServerUser("postgres-setup", List.of(bin.resolve(run.platform().executable("postgres")).toString(), "--single",
				"-D", data.toString(), "postgres"), script);
		if (Files.readString(run.processes().log("postgres-setup")).contains("ERROR")) {
			throw run.processes().failed("creating the databases failed", run.processes().log("postgres-setup"));
		}
		run.console().ok("cluster initialised: user " + USER + ", databases " + String.join(" ", DATABASES));
	}

	@Override
	public void stop() {
		Optional<ProcessHandle> server = run.processes().running(name());
		if (server.isPresent()) {
			try {
				runAsServerUser("pg_ctl-stop", List.of(binaries().resolve(run.platform().executable("pg_ctl")).toString(),
						"-D", dataDirectory().toString(), "-m", "fast", "-w", "-t", "30", "stop"), null);
				run.console().ok("stopped postgres (pid " + server.get().pid() + ")");
			}
			catch (LocalRunException ex) {
				run.console().warn(ex.getMessage());
			}
		}
		run.processes().stop(name(), Duration.ofSeconds(30));
	}

	/**
	 * {@code PG_BIN} if set, else the zonky binaries for this platform, unpacked once into
	 * {@code postgres/binaries}.
	 */
	Path binaries() {
		String configured = run.environment().get("PG_BIN", "");
		if (!configured.isBlank()) {
			return Path.of(configured);
		}
		Path binaries = resolvedHome().resolve("binaries");
		String version = run.version("postgres-binaries");
		Path marker = binaries.resolve(".unpacked-" + version);
		if (!Files.exists(marker)) {
			Path jar = run.artifacts().resolve(new Artifacts.Coordinates("io.zonky.test.postgres",
					run.platform().postgresBinariesArtifactId(), version, "jar"));
			run.console().say("Unpacking PostgreSQL " + version + " (" + jar.getFileName() + ", first time only)");
			Folders.delete(binaries);
			Archives.untarXzFromJar(jar, binaries);
			try {
				Files.createFile(marker);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return binaries.resolve("bin");
	}

	/**
	 * As root the server user must reach its folder: where it cannot enter the data folder (e.g. below /root),
	 * PostgreSQL's files go under /var/tmp, linked from the data folder.
	 */
	private Path resolvedHome() {
		if (!asRoot || Files.isSymbolicLink(home) || home.startsWith("/var/tmp")) {
			return Files.isSymbolicLink(home) ? home.toAbsolutePath().getParent().resolve(readLink(home)) : home;
		}
		if (!Files.exists(home) && !serverUserCanEnter(run.data())) {
			CRC32 crc = new CRC32();
			crc.update(run.data().toString().getBytes(StandardCharsets.UTF_8));
			Path elsewhere = Path.of("/var/tmp", "customer-portal-local-" + Long.toHexString(crc.getValue()), "postgres");
			try {
				Files.createDirectories(elsewhere);
				Files.createDirectories(run.data());
				Files.createSymbolicLink(home, elsewhere);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			run.console().warn("user '" + osUserName() + "' cannot enter " + run.data() + ": PostgreSQL's files live in "
					+ elsewhere + " (linked from " + home + ")");
			return elsewhere;
		}
		return home;
	}

	private static Path readLink(Path link) {
		try {
			return Files.readSymbolicLink(link);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where {@code clean} must delete PostgreSQL's files besides the data folder, if anywhere. */
	Optional<Path> outsideDataFolder() {
		return Files.isSymbolicLink(home) ? Optional.of(resolvedHome()) : Optional.empty();
	}

	private boolean serverUserCanEnter(Path folder) {
		try {
			Process test = new ProcessBuilder("runuser", "-u", osUserName(), "--", "test", "-x", folder.toString())
				.redirectErrorStream(true)
				.start();
			return test.waitFor() == 0;
		}
		catch (IOException ex) {
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	private String osUserName() {
		if (serverUser == null) {
			serverUser = lookUpServerUser();
		}
		return serverUser;
	}

	private static String lookUpServerUser() {
		try {
			Process id = new ProcessBuilder("id", "-u", "postgres").redirectErrorStream(true).start();
			return id.waitFor() == 0 ? "postgres" : "nobody";
		}
		catch (IOException ex) {
			return "nobody";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "nobody";
		}
	}

	private UserPrincipal osUser() throws IOException {
		return home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUserName());
	}

	/** Runs a PostgreSQL program to its end (as the server user when root), in its folder, output to its log. */
	private void runAsServerUser(String step, List<String> command, Path input) {
		List<String> full = new ArrayList<>();
		if (asRoot) {
			full.addAll(List.of("runuser", "-u", osUserName(), "--"));
		}
		full.addAll(command);
		run.processes().runToEnd(step, full, Map.of(), resolvedHome(), input, startWait().plusSeconds(30));
	}

}
