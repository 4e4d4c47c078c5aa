package org.customerportal.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths inside the repository, independent of the folder the tests run from. */
final class Repository {

	private Repository() {
	}

	static Path root() {
		String configured = System.getProperty("repository.root");
		Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
		for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
			if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("deploy"))) {
				return p;
			}
		}
		throw new IllegalStateException("repository root not found from " + start);
	}

	static Path path(String relative) {
		return root().resolve(relative);
	}

	static Path chart() {
		return path("deploy/helm/customer-portal");
	}

}
