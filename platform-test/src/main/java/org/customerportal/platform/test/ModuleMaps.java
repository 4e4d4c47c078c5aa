package org.customerportal.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each service's {@code ModularityTest} shares: Spring Modulith's check of the module boundaries,
 * and the module map its Documenter writes, compared with the copy committed under
 * {@code docs/architecture/<service>/} so that the documented map cannot drift from the code.
 */
public final class ModuleMaps {

	/** Where the Documenter writes, relative to the module being tested (Maven runs tests there). */
	private static final Path GENERATED = Path.of("target", "module-map");

	private ModuleMaps() {
	}

	/** The service's modules: the packages directly below its application class. */
	public static ApplicationModules of(Class<?> application) {
		return ApplicationModules.of(application);
	}

	/**
	 * Writes the overview diagram, one diagram and one canvas per module into {@code target/module-map}
	 * and fails when they differ from the committed files of {@code docs/architecture/<service>/}.
	 */
	public static void assertCommittedMapIsCurrent(ApplicationModules modules, String service) {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		sortRelations();
		Map<String, String> written = files(GENERATED);
		Map<String, String> committed = files(Path.of("..", "docs", "architecture", service));
		Set<String> differing = new TreeSet<>(written.keySet());
		differing.addAll(committed.keySet());
		differing.removeIf(name -> Objects.equals(written.get(name), committed.get(name)));
		assertThat(differing)
			.as("""
					The module map of %s changed: replace the files of docs/architecture/%s/ with those the \
					Documenter wrote in %s/%s and commit them. Files that differ, are new or are gone""",
					service, service, service, GENERATED)
			.isEmpty();
	}

	/**
	 * The Documenter lists a diagram's relations in the order it happens to meet them, which changes
	 * from run to run; sorted, the same code gives the same files.
	 */
	private static void sortRelations() {
		for (Map.Entry<String, String> file : files(GENERATED).entrySet()) {
			if (file.getKey().endsWith(".puml")) {
				List<String> lines = new ArrayList<>(file.getValue().lines().toList());
				int start = 0;
				while (start < lines.size()) {
					int end = start;
					while (end < lines.size() && lines.get(end).startsWith("Rel(")) {
						end++;
					}
					Collections.sort(lines.subList(start, end));
					start = end + 1;
				}
				write(GENERATED.resolve(file.getKey()), String.join("\n", lines) + "\n");
			}
		}
	}

	private static void write(Path path, String content) {
		try {
			Files.writeString(path, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** File name to content, line endings normalised so that a checkout on Windows compares equal. */
	private static Map<String, String> files(Path folder) {
		Map<String, String> files = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (Stream<Path> paths = Files.list(folder)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				files.put(path.getFileName().toString(), Files.readString(path).replace("\r\n", "\n"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}
}
