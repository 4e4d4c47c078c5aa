package org.customerportal.license;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.customerportal.license.licenses.LicenseEvents;
import org.customerportal.platform.test.AsyncApiDocuments;
import org.customerportal.platform.test.JsonSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document readers of the licence topic rely on: a valid AsyncAPI 3.0 document that
 * describes exactly the event types the service publishes, each with its JSON Schema.
 */
class AsyncApiDocumentTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final JsonMapper JSON = new JsonMapper();

	private final JsonNode document = AsyncApiDocuments.load(RESOURCES.resolve("asyncapi/license-events.yaml"));

	@Test
	void isAValidAsyncApi3Document() throws Exception {
		assertThat(AsyncApiDocuments.violations(document)).isEmpty();
		assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
		assertThat(document.at("/channels/licenseEvents/address").asString()).isEqualTo(LicenseEvents.TOPIC);
		assertThat(document.at("/channels/licenseEvents/bindings/kafka/topic").asString()).isEqualTo(LicenseEvents.TOPIC);
	}

	@Test
	void describesEveryPublishedTypeWithItsSchema() throws Exception {
		Set<String> published = AsyncApiDocuments.publishedTypes("org.customerportal.license", LicenseEvents.TOPIC);
		assertThat(published).hasSize(7);
		JsonNode messages = document.at("/components/messages");
		Set<String> described = new TreeSet<>();
		for (String key : messages.propertyNames()) {
			JsonNode message = messages.get(key);
			String type = message.get("name").asString();
			described.add(type);
			assertThat(message.at("/bindings/$ref").asString()).as("key of %s", type)
				.isEqualTo("#/components/messageBindings/licenseKey");
			JsonNode payload = resolve(message.at("/payload/$ref").asString());
			assertThat(payload.at("/allOf/0/$ref").asString()).isEqualTo("#/components/schemas/CloudEvent");
			JsonNode typed = payload.at("/allOf/1/properties");
			assertThat(typed.at("/type/const").asString()).as("type of %s", key).isEqualTo(type);
			String schemaRef = typed.at("/data/$ref").asString();
			assertThat(schemaRef).isEqualTo("../events/" + type.replaceFirst("^portal\\.", "") + ".schema.json");
			Path schema = RESOURCES.resolve("asyncapi").resolve(schemaRef).normalize();
			assertThat(schema).exists();
			assertThat(JSON.readTree(Files.readString(schema)).get("title").asString()).isEqualTo(type);
		}
		assertThat(described).isEqualTo(published);
		try (Stream<Path> files = Files.list(RESOURCES.resolve("events"))) {
			Set<String> schemas = files.map(file -> "portal." + file.getFileName().toString().replace(".schema.json", ""))
				.collect(Collectors.toCollection(TreeSet::new));
			assertThat(schemas).isEqualTo(published);
		}
		List<String> sent = new ArrayList<>();
		document.at("/operations/publishLicenseEvents/messages").forEach(ref -> sent.add(ref.get("$ref").asString()));
		assertThat(sent).containsExactlyInAnyOrderElementsOf(
				messages.propertyNames().stream().map(key -> "#/channels/licenseEvents/messages/" + key).toList());
		assertThat(document.at("/channels/licenseEvents/messages").propertyNames())
			.containsExactlyInAnyOrderElementsOf(messages.propertyNames());
	}

	@Test
	void itsExampleIsAMessageAsTheServiceWritesIt() {
		JsonNode example = document.at("/components/messages/licenseIssued/examples/0/payload");
		assertThat(AsyncApiDocuments.validate(document.at("/components/schemas/CloudEvent"), example)).isEmpty();
		assertThat(example.get("id").asString()).isEqualTo(example.at("/data/eventId").asString());
		assertThat(example.get("subject").asString()).isEqualTo(example.at("/data/licenseId").asString());
		JsonSchemas.assertValid("events/license.issued.v1.schema.json", example.get("data"));
	}

	private JsonNode resolve(String pointer) {
		return document.at(pointer.substring(1));
	}

}
