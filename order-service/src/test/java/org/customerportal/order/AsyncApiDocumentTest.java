package org.customerportal.order;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.customerportal.order.orders.OrderEvents;
import org.customerportal.platform.test.AsyncApiDocuments;
import org.customerportal.platform.test.JsonSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document billing teams read: a valid AsyncAPI 3.0 document that describes exactly the
 * event types the service publishes, each with its JSON Schema.
 */
class AsyncApiDocumentTest {

	private static final JsonMapper JSON = new JsonMapper();

	private final JsonNode document = load();

	@Test
	void isAValidAsyncApi3Document() throws Exception {
		assertThat(AsyncApiDocuments.violations(document)).isEmpty();
		assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
		assertThat(document.at("/channels/orderEvents/address").asString()).isEqualTo(OrderEvents.TOPIC);
	}

	@Test
	void describesEveryPublishedTypeWithItsSchema() throws Exception {
		Set<String> published = AsyncApiDocuments.publishedTypes("org.customerportal.order", OrderEvents.TOPIC);
		JsonNode messages = document.at("/components/messages");
		Set<String> described = new TreeSet<>();
		for (String key : messages.propertyNames()) {
			JsonNode message = messages.get(key);
			String type = message.get("name").asString();
			described.add(type);
			assertThat(message.at("/bindings/$ref").asString()).isEqualTo("#/components/messageBindings/orderKey");
			JsonNode payload = resolve(message.at("/payload/$ref").asString());
			JsonNode typed = payload.at("/allOf/1/properties");
			assertThat(typed.at("/type/const").asString()).as("type of %s", key).isEqualTo(type);
			String schemaRef = typed.at("/data/$ref").asString();
			assertThat(schemaRef).isEqualTo("../events/" + type.replaceFirst("^portal\\.", "") + ".schema.json");
			Path schema = resources().resolve("asyncapi").resolve(schemaRef).normalize();
			assertThat(schema).exists();
			assertThat(JSON.readTree(Files.readString(schema)).get("$id").asString()).endsWith(type.substring(7) + ".schema.json");
		}
		assertThat(described).isEqualTo(published);
		try (Stream<Path> files = Files.list(resources().resolve("events"))) {
			Set<String> schemas = files.map(file -> "portal." + file.getFileName().toString().replace(".schema.json", ""))
				.collect(Collectors.toCollection(TreeSet::new));
			assertThat(schemas).isEqualTo(published);
		}
		List<String> sent = new ArrayList<>();
		document.at("/operations/publishOrderEvents/messages").forEach(ref -> sent.add(ref.get("$ref").asString()));
		assertThat(sent).hasSize(published.size());
	}

	@Test
	void itsExampleOfOrderPaidMatchesTheSchema() {
		JsonNode example = document.at("/components/messages/orderPaid/examples/0/payload");
		assertThat(example.get("id").asString()).isEqualTo(example.at("/data/eventId").asString());
		JsonSchemas.assertValid("events/order.paid.v1.schema.json", example.get("data"));
	}

	private JsonNode resolve(String pointer) {
		return document.at(pointer.substring(1));
	}

	private static JsonNode load() {
		return AsyncApiDocuments.load(Path.of("src/main/resources/asyncapi/order-events.yaml"));
	}

	/** The service's resources folder, where the document refers to the schemas by relative path. */
	private static Path resources() throws Exception {
		URL url = AsyncApiDocumentTest.class.getResource("/asyncapi/order-events.yaml");
		return Path.of(url.toURI()).getParent().getParent();
	}

}
