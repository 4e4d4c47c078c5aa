package org.customerportal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;

/**
 * Packages the chart as {@code customer-portal-<version>.tgz} with the build's version as the chart's
 * version and appVersion (so the default image tag is the images the same build makes), with Helm
 * running inside the JVM: no helm binary needed. Run by the release profile
 * ({@code ./mvnw -Prelease package}); arguments: the chart folder, the output folder, the version.
 */
public final class ChartPackage {

	private ChartPackage() {
	}

	public static void main(String[] args) throws IOException {
		Path chart = Path.of(args[0]);
		Path output = Path.of(args[1]);
		String version = args[2];
		Path copy = output.resolve("chart").resolve(chart.getFileName());
		copyTree(chart, copy);
		Path chartYaml = copy.resolve("Chart.yaml");
		Files.writeString(chartYaml, Files.readString(chartYaml)
			.replaceAll("(?m)^version:.*$", "version: " + version)
			.replaceAll("(?m)^appVersion:.*$", "appVersion: \"" + version + "\""));
		new Helm(copy).packageIt().withDestination(output).call();
		Path packaged = output.resolve(chart.getFileName() + "-" + version + ".tgz");
		if (!Files.isRegularFile(packaged)) {
			throw new IllegalStateException("helm package wrote no " + packaged);
		}
		System.out.println("Chart packaged: " + packaged);
	}

	private static void copyTree(Path from, Path to) throws IOException {
		if (Files.exists(to)) {
			try (Stream<Path> old = Files.walk(to)) {
				for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
		try (Stream<Path> files = Files.walk(from)) {
			for (Path source : files.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

}
