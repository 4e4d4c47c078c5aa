package org.customerportal.order;

import java.nio.file.Path;
import java.util.Set;

import org.customerportal.order.orders.OrderEvents;
import org.customerportal.platform.test.AsyncApiDocuments;
import org.customerportal.platform.test.JsonSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document billing teams read: a valid AsyncAPI 3.0 document that describes exactly the
 * event types the service publishes, each with its JSON Schema.
 */
class AsyncApiDocumentTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private final JsonNode document = AsyncApiDocuments.load(RESOURCES.resolve("asyncapi/order-events.yaml"));

	@Test
	void isAValidAsyncApi3Document() throws Exception {
		assertThat(AsyncApiDocuments.violations(document)).isEmpty();
		assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
		assertThat(document.at("/channels/orderEvents/address").asString()).isEqualTo(OrderEvents.TOPIC);
	}

	@Test
	void describesEveryPublishedTypeWithItsSchema() {
		Set<String> published = AsyncApiDocuments.publishedTypes("org.customerportal.order", OrderEvents.TOPIC);
		assertThat(published).hasSize(7);
		AsyncApiDocuments.assertDescribesExactly(document, RESOURCES, "orderEvents", "publishOrderEvents", published,
				type -> "orderKey");
	}

	@Test
	void itsExampleOfOrderPaidMatchesTheSchema() {
		JsonNode example = document.at("/components/messages/orderPaid/examples/0/payload");
		assertThat(example.get("id").asString()).isEqualTo(example.at("/data/eventId").asString());
		JsonSchemas.assertValid("events/order.paid.v1.schema.json", example.get("data"));
	}

}
