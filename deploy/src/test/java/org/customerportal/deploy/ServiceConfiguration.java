package org.customerportal.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one service's executable jar (as the image runs it) can read from its environment: the
 * {@code ${VARIABLE}} placeholders of its configuration files and classes, and every property of
 * Spring's configuration metadata on its class path (its own, the platform's and every library's),
 * which an environment variable sets by relaxed binding.
 */
final class ServiceConfiguration {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

	private static final Set<String> METADATA = Set.of("META-INF/spring-configuration-metadata.json",
			"META-INF/additional-spring-configuration-metadata.json");

	private static final JsonMapper JSON = new JsonMapper();

	final String service;

	final Set<String> placeholders = new HashSet<>();

	/** Canonical environment names of scalar properties (SPRING_KAFKA_ADMIN_AUTOCREATE). */
	final Set<String> properties = new HashSet<>();

	/** Canonical prefixes of map and list properties, whose keys or indexes follow (SPRING_MAIL_PROPERTIES_). */
	final Set<String> prefixes = new HashSet<>();

	private ServiceConfiguration(String service) {
		this.service = service;
	}

	/** Reads the service's Spring Boot jar, which the build packages before this module's tests run. */
	static ServiceConfiguration of(String service) {
		Path jar = executableJar(service);
		ServiceConfiguration configuration = new ServiceConfiguration(service);
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			for (ZipEntry entry : zip.stream().toList()) {
				String name = entry.getName();
				if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
					try (InputStream in = zip.getInputStream(entry)) {
						configuration.readLibrary(name, in);
					}
				}
				else if (METADATA.contains(name)) {
					// the application's own metadata: the repackaged jar keeps META-INF at its root
					try (InputStream in = zip.getInputStream(entry)) {
						configuration.readMetadata(in.readAllBytes());
					}
				}
				else if (name.startsWith("BOOT-INF/classes/")) {
					try (InputStream in = zip.getInputStream(entry)) {
						configuration.read(name.substring("BOOT-INF/classes/".length()), in.readAllBytes(), true);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(jar.toString(), ex);
		}
		return configuration;
	}

	static Path executableJar(String service) {
		Path target = Repository.path(service + "/target");
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
				.filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
				.filter(ServiceConfiguration::isBootJar)
				.findFirst()
				.orElseThrow(() -> new AssertionError("no Spring Boot jar in " + target
						+ ": build the services first (./mvnw -pl deploy -am verify)"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isBootJar(Path jar) {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			return zip.getEntry("BOOT-INF/classes/") != null || zip.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/"));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void readLibrary(String jarName, InputStream in) throws IOException {
		// the project's own libraries may hold placeholders (the platform's defaults); others only metadata
		boolean ours = jarName.startsWith("BOOT-INF/lib/platform");
		try (ZipInputStream library = new ZipInputStream(in)) {
			for (ZipEntry entry; (entry = library.getNextEntry()) != null;) {
				String name = entry.getName();
				if (METADATA.contains(name) || (ours && (name.endsWith(".properties") || name.endsWith(".yml")
						|| name.endsWith(".yaml") || name.endsWith(".class")))) {
					read(name, library.readAllBytes(), ours);
				}
			}
		}
	}

	private void read(String name, byte[] content, boolean ours) {
		if (METADATA.contains(name)) {
			readMetadata(content);
		}
		else if (ours && (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".properties")
				|| name.endsWith(".class"))) {
			// class files keep @Value("${...}") and similar strings verbatim in their constant pool
			Matcher matcher = PLACEHOLDER.matcher(new String(content, StandardCharsets.ISO_8859_1));
			while (matcher.find()) {
				placeholders.add(matcher.group(1));
			}
		}
	}

	private void readMetadata(byte[] content) {
		JsonNode metadata = JSON.readTree(new ByteArrayInputStream(content));
		for (JsonNode property : metadata.path("properties")) {
			String type = property.path("type").asString("");
			boolean keyed = type.startsWith("java.util.Map") || type.startsWith("java.util.List")
					|| type.startsWith("java.util.Set") || type.startsWith("java.util.Collection") || type.endsWith("[]");
			for (String name : canonical(property.path("name").asString())) {
				properties.add(name);
				if (keyed) {
					prefixes.add(name + "_");
				}
			}
		}
	}

	/**
	 * The environment variables that set a property by relaxed binding: dashes removed
	 * (SPRING_KAFKA_ADMIN_AUTOCREATE), or, as Spring still accepts, turned into underscores
	 * (PORTAL_KAFKA_OAUTH_CLIENTID).
	 */
	static List<String> canonical(String property) {
		String base = property.replace('.', '_').replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
		return List.of(base.replace("-", ""), base.replace('-', '_'));
	}

	/** True when the service reads this environment variable. */
	boolean reads(String variable) {
		return placeholders.contains(variable) || properties.contains(variable)
				|| prefixes.stream().anyMatch(variable::startsWith);
	}

	static List<String> all() {
		return RenderedChart.COMPONENTS;
	}

}
