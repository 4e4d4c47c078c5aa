package org.customerportal.license;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the sample events these tests feed the service against the producing service's JSON Schema in
 * its sibling module ({@code ../<service>/src/main/resources/events/<type>.schema.json}), so this reader
 * and that producer agree. A schema that does not exist (yet) is not checked.
 */
final class ProducerSchemas {

	private static final JsonMapper JSON = new JsonMapper();

	private static final SchemaRegistry REGISTRY = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private ProducerSchemas() {
	}

	/** @param type the CloudEvent type, e.g. {@code portal.order.paid.v1} */
	static void assertValid(String producer, String type, JsonNode data) {
		Path schema = schemaOf(producer, type);
		if (!Files.isRegularFile(schema)) {
			return;
		}
		try {
			List<Error> errors = REGISTRY.getSchema(JSON.readTree(Files.readString(schema))).validate(data);
			assertThat(errors.stream().map(Error::toString).toList()).as("%s against %s", data, schema).isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path schemaOf(String producer, String type) {
		String file = type.replaceFirst("^portal\\.", "") + ".schema.json";
		return Path.of("..", producer, "src", "main", "resources", "events", file);
	}

}
