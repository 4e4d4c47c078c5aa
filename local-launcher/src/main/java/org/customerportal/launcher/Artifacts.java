package org.customerportal.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The distributions the launcher starts, taken from Maven's local repository; one that is missing there is
 * fetched once through the Maven wrapper ({@code dependency:get}), so a machine with a JDK and access to Maven
 * Central needs nothing else.
 */
final class Artifacts {

	record Coordinates(String groupId, String artifactId, String version, String type) {

		String relativePath() {
			return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version + "." + type;
		}

		String coordinates() {
			return groupId + ":" + artifactId + ":" + version + ":" + type;
		}

	}

	private final Path repository;

	private final LocalRun localRun;

	Artifacts(Path repository, LocalRun localRun) {
		this.repository = repository;
		this.localRun = localRun;
	}

	/** {@code -Dmaven.repo.local} of the launcher's JVM, else {@code ~/.m2/repository}. */
	static Path localRepository() {
		String configured = System.getProperty("maven.repo.local");
		return configured != null && !configured.isBlank() ? Path.of(configured)
				: Path.of(System.getProperty("user.home"), ".m2", "repository");
	}

	Path resolve(Coordinates artifact) {
		Path file = repository.resolve(artifact.relativePath());
		if (Files.isRegularFile(file)) {
			return file;
		}
		localRun.console().say("Fetching " + artifact.coordinates() + " through Maven (first time only; log: "
				+ localRun.processes().log("fetch") + ")");
		localRun.processes().runToEnd("fetch", List.of(localRun.mavenWrapper().toString(), "-B", "-q",
				"-Dmaven.repo.local=" + repository, "dependency:get", "-Dtransitive=false", "-Dartifact=" + artifact.coordinates()),
				Map.of(), Duration.ofMinutes(20));
		if (!Files.isRegularFile(file)) {
			throw new LocalRunException("Maven did not fetch " + artifact.coordinates() + " into " + repository);
		}
		return file;
	}

}
