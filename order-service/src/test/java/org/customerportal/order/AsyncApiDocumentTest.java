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
		assertThat(published).hasSize(8).contains("portal.quote.sent.v1");
		AsyncApiDocuments.assertDescribesExactly(document, RESOURCES, "orderEvents", "publishOrderEvents", published,
				type -> type.startsWith("portal.quote.") ? "quoteKey" : "orderKey");
	}

	@Test
	void theCatalogueEventsHaveTheirOwnDocument() {
		JsonNode catalog = AsyncApiDocuments.load(RESOURCES.resolve("asyncapi/catalog-events.yaml"));
		assertThat(AsyncApiDocuments.violations(catalog)).isEmpty();
		assertThat(catalog.at("/channels/catalogEvents/address").asString()).isEqualTo("portal.catalog.events");
		Set<String> published = AsyncApiDocuments.publishedTypes("org.customerportal.order", "portal.catalog.events");
		assertThat(published).containsExactlyInAnyOrder("portal.product.changed.v1", "portal.product.released.v1",
				"portal.price-list.changed.v1");
		AsyncApiDocuments.assertDescribesExactly(catalog, RESOURCES, "catalogEvents", "publishCatalogEvents", published,
				type -> "catalogKey");
		JsonNode example = catalog.at("/components/messages/productReleased/examples/0/payload");
		JsonSchemas.assertValid("events/product.released.v1.schema.json", example.get("data"));
	}

	@Test
	void itsExampleOfOrderPaidMatchesTheSchema() {
		JsonNode example = document.at("/components/messages/orderPaid/examples/0/payload");
		assertThat(example.get("id").asString()).isEqualTo(example.at("/data/eventId").asString());
		JsonSchemas.assertValid("events/order.paid.v1.schema.json", example.get("data"));
	}

}
