package org.customerportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Class-data sharing for a service, the way Spring Boot documents it for JDK 17: the jar extracted once
 * ({@code -Djarmode=tools extract}), so that its classes come from plain jars the JVM can archive; the first run
 * of that extract writes a dynamic archive when it stops ({@code -XX:ArchiveClassesAtExit}), and every later
 * run maps it ({@code -XX:SharedArchiveFile}). Both are redone when the jar changes. A run that stops without a
 * clean JVM exit (KILL) writes no archive; the next one simply records again.
 */
final class ClassDataSharing {

	private final LocalRun run;

	ClassDataSharing(LocalRun run) {
		this.run = run;
	}

	/** The java arguments that run {@code jar} (a copy in the data folder) with class-data sharing. */
	List<String> arguments(String module, Path jar) {
		Path folder = run.data().resolve("cds").resolve(module);
		Path extracted = folder.resolve("app");
		Path stamp = folder.resolve("extracted-from");
		Path archive = folder.resolve(module + ".jsa");
		try {
			String fingerprint = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
			if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(fingerprint)) {
				Folders.delete(folder);
				Folders.create(folder);
				run.processes().runToEnd(module + "-extract", List.of(run.java(), "-Djarmode=tools", "-jar", jar.toString(),
						"extract", "--destination", extracted.toString()), Map.of(), Duration.ofMinutes(2));
				Files.writeString(stamp, fingerprint);
			}
			Path extractedJar = extracted.resolve(jar.getFileName());
			return Files.isRegularFile(archive)
					? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar",
							extractedJar.toString())
					: List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar",
							extractedJar.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
