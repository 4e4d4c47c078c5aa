package org.customerportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Keycloak (the quarkus distribution from Maven) as a child process: {@code kc.sh start-dev} on
 * 127.0.0.1:8180 with the realm of deploy/keycloak/portal-realm.json, imported only when it changed since the
 * last import. Its build and its H2 database stay in the data folder, so a second start does neither again.
 */
final class Keycloak implements Component {

	/** LOCAL DEVELOPMENT DEFAULTS: the bootstrap admin of the local Keycloak. */
	static final String ADMIN_USER = "admin";

	static final String ADMIN_PASSWORD = "admin";

	static final String ISSUER = "http://localhost:" + Ports.KEYCLOAK + "/realms/portal";

	/** Where Keycloak publishes the realm's public keys. */
	private static final String KEYS_PATH = "/realms/portal/protocol/openid-connect/certs";

	static final String TOKEN_URL = ISSUER + "/protocol/openid-connect/token";

	private final LocalRun run;

	private final Path home;

	private final Path realmFile;

	private String importedRealmChecksum;

	Keycloak(LocalRun run) {
		this.run = run;
		this.home = run.data().resolve("keycloak-" + run.version("keycloak"));
		this.realmFile = run.root().resolve("deploy/keycloak/portal-realm.json");
	}

	@Override
	public String name() {
		return "keycloak";
	}

	@Override
	public List<Integer> ports() {
		return List.of(Ports.KEYCLOAK, Ports.KEYCLOAK_MANAGEMENT);
	}

	@Override
	public String address() {
		return "http://localhost:" + Ports.KEYCLOAK;
	}

	@Override
	public Duration startWait() {
		return run.environment().wait("keycloak", 300);
	}

	@Override
	public boolean ready() {
		return Probes.http200(Ports.KEYCLOAK, "/realms/portal/.well-known/openid-configuration")
				&& Probes.http200(Ports.KEYCLOAK_MANAGEMENT, "/health/ready");
	}

	@Override
	public void start() {
		run.console().say("Keycloak " + run.version("keycloak") + " on http://localhost:" + Ports.KEYCLOAK + " (realm 'portal')");
		if (run.processes().running(name()).isPresent()) {
			run.console().ok("already running");
			return;
		}
		unpack();
		try {
			Path data = home.resolve("data");
			Files.createDirectories(data.resolve("import"));
			// --import-realm skips a realm that exists: a changed realm file means an empty database, an unchanged
			// one no import step at all (a faster start)
			String checksum = checksum(realmFile);
			Path imported = data.resolve(".realm-imported");
			boolean importRealm = true;
			if (Files.isDirectory(data.resolve("h2")) && Files.isRegularFile(imported)) {
				if (Files.readString(imported).strip().equals(checksum)) {
					importRealm = false;
				}
				else {
					run.console().warn("deploy/keycloak/portal-realm.json changed since it was imported: resetting Keycloak's"
							+ " local database (users and sessions created at run time are dropped)");
					Folders.delete(data.resolve("h2"));
				}
			}
			Files.copy(realmFile, data.resolve("import/portal-realm.json"), StandardCopyOption.REPLACE_EXISTING);
			importedRealmChecksum = checksum;
			if (!Files.exists(home.resolve(".built"))) {
				run.console().say("First Keycloak start: it builds itself once (about a minute)");
			}
			List<String> command = new ArrayList<>(List.of(
					home.resolve(run.platform().windows() ? "bin/kc.bat" : "bin/kc.sh").toString(), "start-dev",
					"--http-host=127.0.0.1", "--http-port=" + Ports.KEYCLOAK,
					"--http-management-port=" + Ports.KEYCLOAK_MANAGEMENT, "--health-enabled=true",
					// a pinned hostname keeps the issuer the same whichever address a client uses
					"--hostname=http://localhost:" + Ports.KEYCLOAK));
			if (importRealm) {
				command.add("--import-realm");
			}
			run.processes().start(name(), command, Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
					"KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
					// C1 only: about half the start time and memory; its throughput hardly matters locally
					"JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1 " + run.marker(),
					"JAVA_HOME", System.getProperty("java.home")), run.data());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void afterReady() {
		try {
			Files.writeString(home.resolve(".built"), "");
			if (importedRealmChecksum != null) {
				Files.writeString(home.resolve("data/.realm-imported"), importedRealmChecksum);
			}
			if (!signingKey().publishedIn(Probes.httpGet(Ports.KEYCLOAK, KEYS_PATH))) {
				run.console().warn("Keycloak does not sign with the realm file's key (were the realm's keys changed in the"
						+ " admin console?): Kafka will refuse the services' tokens. './local-run down', then remove "
						+ home.resolve("data/h2") + " to import the realm again");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The realm file's fixed signing key: Kafka trusts it before Keycloak runs. */
	RealmSigningKey signingKey() {
		return RealmSigningKey.of(realmFile);
	}

	@Override
	public void stop() {
		run.processes().stop(name(), Duration.ofSeconds(30));
	}

	private void unpack() {
		if (Files.exists(home.resolve(".unpacked"))) {
			return;
		}
		String version = run.version("keycloak");
		Path archive = run.artifacts()
			.resolve(new Artifacts.Coordinates("org.keycloak", "keycloak-quarkus-dist", version, "tar.gz"));
		run.console().say("Unpacking Keycloak " + version + " (first time only)");
		Path unpacking = run.data().resolve(".keycloak-unpack");
		Folders.delete(unpacking);
		Folders.delete(home);
		Archives.untarGz(archive, unpacking);
		try {
			Files.move(unpacking.resolve("keycloak-" + version), home);
			Folders.delete(unpacking);
			Files.createFile(home.resolve(".unpacked"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String checksum(Path file) throws IOException {
		CRC32 crc = new CRC32();
		crc.update(Files.readAllBytes(file));
		return Long.toHexString(crc.getValue());
	}

}
