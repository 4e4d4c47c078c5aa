package org.customerportal.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a JSON document against a JSON Schema (draft 2020-12) on the classpath, e.g. the event schemas
 * a service publishes for its readers.
 */
public final class JsonSchemas {

	private static final JsonMapper JSON = new JsonMapper();

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private JsonSchemas() {
	}

	public static List<String> violations(String schemaResource, JsonNode document) {
		Schema schema = load(schemaResource);
		return schema.validate(document).stream().map(Error::toString).toList();
	}

	public static void assertValid(String schemaResource, JsonNode document) {
		assertThat(violations(schemaResource, document)).as("%s against %s", document, schemaResource).isEmpty();
	}

	/**
	 * Checks against a schema file, e.g. a producer's schema in a sibling module
	 * ({@code Path.of("../order-service/src/main/resources/events/order.paid.v1.schema.json")}).
	 */
	public static List<String> violations(Path schemaFile, JsonNode document) {
		try (InputStream in = Files.newInputStream(schemaFile)) {
			SchemaLocation location = SchemaLocation.of(schemaFile.toAbsolutePath().normalize().toUri().toString());
			return REGISTRY.getSchema(location, JSON.readTree(in))
				.validate(document)
				.stream()
				.map(Error::toString)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void assertValid(Path schemaFile, JsonNode document) {
		assertThat(violations(schemaFile, document)).as("%s against %s", document, schemaFile).isEmpty();
	}

	/**
	 * The schema a producing service keeps for the data of an event type, in its module beside the one
	 * under test: {@code ../<producer>/src/main/resources/events/<type without "portal.">.schema.json}.
	 * @param type the CloudEvent type, e.g. {@code portal.order.paid.v1}
	 */
	public static Path producerSchema(String producer, String type) {
		return Path.of("..", producer, "src", "main", "resources", "events",
				type.replaceFirst("^portal\\.", "") + ".schema.json");
	}

	/**
	 * Checks a sample event's data, as a consumer's test feeds it, against the producer's schema, so
	 * that the reader and the producer agree.
	 */
	public static void assertValidForProducer(String producer, String type, JsonNode data) {
		Path schema = producerSchema(producer, type);
		assertThat(schema).as("%s's schema of %s", producer, type).isRegularFile();
		assertValid(schema, data);
	}

	private static Schema load(String resource) {
		String path = resource.startsWith("/") ? resource.substring(1) : resource;
		try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("No schema on the classpath at " + resource);
			}
			return REGISTRY.getSchema(JSON.readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
