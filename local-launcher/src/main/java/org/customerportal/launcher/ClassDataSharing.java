package org.customerportal.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Class-data sharing, the way Spring Boot documents it for JDK 17: classes must come from plain jars on the
 * class path, so a Spring Boot jar is extracted once ({@code -Djarmode=tools extract}). The first run of a
 * class path writes a dynamic archive when its JVM exits ({@code -XX:ArchiveClassesAtExit}, at {@code down}),
 * every later run maps it ({@code -XX:SharedArchiveFile}). A changed class path (a rebuilt jar) starts over.
 * A run that ends without a JVM exit (KILL) writes no archive; the next one records again.
 */
final class ClassDataSharing {

	private final LocalRun run;

	private final Path folder;

	ClassDataSharing(LocalRun run, String name) {
		this.run = run;
		this.folder = run.data().resolve("cds").resolve(name);
	}

	/** The java arguments that run a Spring Boot jar (a copy in the data folder) from its extract. */
	List<String> springBootJar(Path jar) {
		Path extracted = folder.resolve("app");
		String fingerprint = fingerprint(List.of(jar));
		if (!fingerprint.equals(recordedFingerprint())) {
			Folders.delete(folder);
			Folders.create(folder);
			run.processes().runToEnd(folder.getFileName() + "-extract", List.of(run.java(), "-Djarmode=tools", "-jar",
					jar.toString(), "extract", "--destination", extracted.toString()), Map.of(), Duration.ofMinutes(2));
			record(fingerprint);
		}
		List<String> arguments = new ArrayList<>(archiveOptions());
		arguments.addAll(List.of("-jar", extracted.resolve(jar.getFileName()).toString()));
		return arguments;
	}

	/** The archive options for a plain class path (e.g. Kafka's). */
	List<String> classPath(String classPath) {
		String fingerprint = fingerprint(Stream.of(classPath.split(File.pathSeparator)).map(Path::of).toList());
		if (!fingerprint.equals(recordedFingerprint())) {
			Folders.delete(folder);
			Folders.create(folder);
			record(fingerprint);
		}
		return archiveOptions();
	}

	/**
	 * How long a stop may take: a JVM recording its archive writes ~100 MB on the way out, and the services
	 * all write theirs at once on the first {@code down}, which on two cores takes longer than a plain stop.
	 * Killed on the way, a JVM leaves no archive and the next start records again.
	 */
	static Duration stopGrace(LocalRun run, String name) {
		boolean recording = run.environment().flag("LOCAL_RUN_CDS", true)
				&& !Files.isRegularFile(run.data().resolve("cds").resolve(name).resolve("classes.jsa"));
		return Duration.ofSeconds(recording ? 180 : 30);
	}

	private List<String> archiveOptions() {
		Path archive = folder.resolve("classes.jsa");
		return List.of(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive,
				// a missing or rejected archive only costs time: no warnings in the log
				"-Xlog:cds=off", "-Xlog:cds+dynamic=off");
	}

	private static String fingerprint(List<Path> jars) {
		return jars.stream().map(jar -> {
			try {
				return jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
			}
			catch (IOException ex) {
				return jar + " missing";
			}
		}).collect(Collectors.joining("\n"));
	}

	private String recordedFingerprint() {
		Path stamp = folder.resolve("class-path");
		try {
			return Files.isRegularFile(stamp) ? Files.readString(stamp) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void record(String fingerprint) {
		try {
			Files.writeString(folder.resolve("class-path"), fingerprint);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
