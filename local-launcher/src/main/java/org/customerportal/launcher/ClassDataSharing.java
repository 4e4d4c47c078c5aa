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
 * class path, so a Spring Boot jar is extracted once ({@code -Djarmode=tools extract}); a training run (the
 * application started up to its context refresh, {@code -Dspring.context.exit=onRefresh}) writes a dynamic
 * archive as its JVM exits ({@code -XX:ArchiveClassesAtExit}), every later run maps it
 * ({@code -XX:SharedArchiveFile}). The services' training runs follow their first stop ({@code down}): recording
 * while serving would cost the first start about two fifths more CPU. Kafka's class path records during its
 * first run, which starts beside Keycloak's first start when the cores have time to spare. A changed class path
 * (a rebuilt jar) starts over.
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
		String fingerprint = fingerprint(List.of(jar));
		if (!fingerprint.equals(recordedFingerprint())) {
			Folders.delete(folder);
			Folders.create(folder);
			run.processes().runToEnd(folder.getFileName() + "-extract", List.of(run.java(), "-XX:TieredStopAtLevel=1",
					"-XX:+UseSerialGC", "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
					folder.resolve("app").toString()), Map.of(), Duration.ofMinutes(2));
			record(fingerprint);
		}
		List<String> arguments = new ArrayList<>();
		if (Files.isRegularFile(archive())) {
			arguments.addAll(mapping());
		}
		arguments.addAll(List.of("-jar", extractedJar(jar).toString()));
		return arguments;
	}

	/** Whether the extracted jar has no archive yet: then a training run should follow the service's stop. */
	boolean needsTraining(Path jar) {
		return Files.isRegularFile(extractedJar(jar)) && !Files.isRegularFile(archive());
	}

	/**
	 * The training run: {@code java} and its options as the service runs, then the application up to its
	 * context refresh, which writes the archive. A failed run leaves no archive: the next stop tries again.
	 */
	void train(List<String> javaAndOptions, Path jar, Map<String, String> environment) {
		List<String> command = new ArrayList<>(javaAndOptions);
		command.addAll(recording());
		command.addAll(List.of("-Dspring.context.exit=onRefresh", "-jar", extractedJar(jar).toString()));
		try {
			run.processes().runToEnd(folder.getFileName() + "-cds-training", command, environment, Duration.ofMinutes(3));
		}
		catch (LocalRunException ex) {
			run.console().warn(ex.getMessage() + " (the next start is slower; the next stop records again)");
			try {
				Files.deleteIfExists(archive());
			}
			catch (IOException ignored) {
				// an unreadable archive is rejected by the JVM anyway
			}
		}
	}

	private Path extractedJar(Path jar) {
		return folder.resolve("app").resolve(jar.getFileName());
	}

	private Path archive() {
		return folder.resolve("classes.jsa");
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
	 * How long a stop may take: a JVM recording its archive (Kafka on its first run) writes ~100 MB on the way
	 * out, which on two cores takes longer than a plain stop. Killed on the way, a JVM leaves no archive and the
	 * next start records again.
	 */
	static Duration stopGrace(LocalRun run, String name) {
		boolean recording = run.environment().flag("LOCAL_RUN_CDS", true)
				&& !Files.isRegularFile(run.data().resolve("cds").resolve(name).resolve("classes.jsa"));
		return Duration.ofSeconds(recording ? 180 : 30);
	}

	private List<String> archiveOptions() {
		return Files.isRegularFile(archive()) ? mapping() : recording();
	}

	private List<String> mapping() {
		return quietly("-XX:SharedArchiveFile=" + archive());
	}

	private List<String> recording() {
		return quietly("-XX:ArchiveClassesAtExit=" + archive());
	}

	/** A missing or rejected archive only costs time: no warnings in the log. */
	private static List<String> quietly(String archiveOption) {
		return List.of(archiveOption, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
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
