package org.customerportal.license;

import java.nio.file.Path;
import java.util.Set;

import org.customerportal.license.licenses.LicenseEvents;
import org.customerportal.platform.test.AsyncApiDocuments;
import org.customerportal.platform.test.JsonSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document readers of the licence topic rely on: a valid AsyncAPI 3.0 document that
 * describes exactly the event types the service publishes, each with its JSON Schema.
 */
class AsyncApiDocumentTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private final JsonNode document = AsyncApiDocuments.load(RESOURCES.resolve("asyncapi/license-events.yaml"));

	@Test
	void isAValidAsyncApi3Document() throws Exception {
		assertThat(AsyncApiDocuments.violations(document)).isEmpty();
		assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
		assertThat(document.at("/channels/licenseEvents/address").asString()).isEqualTo(LicenseEvents.TOPIC);
		assertThat(document.at("/channels/licenseEvents/bindings/kafka/topic").asString()).isEqualTo(LicenseEvents.TOPIC);
	}

	@Test
	void describesEveryPublishedTypeWithItsSchema() {
		Set<String> published = AsyncApiDocuments.publishedTypes("org.customerportal.license", LicenseEvents.TOPIC);
		assertThat(published).hasSize(9);
		AsyncApiDocuments.assertDescribesExactly(document, RESOURCES, "licenseEvents", "publishLicenseEvents", published,
				type -> "licenseKey");
	}

	@Test
	void itsExampleIsAMessageAsTheServiceWritesIt() {
		JsonNode example = document.at("/components/messages/licenseIssued/examples/0/payload");
		assertThat(AsyncApiDocuments.validate(document.at("/components/schemas/CloudEvent"), example)).isEmpty();
		assertThat(example.get("id").asString()).isEqualTo(example.at("/data/eventId").asString());
		assertThat(example.get("subject").asString()).isEqualTo(example.at("/data/licenseId").asString());
		JsonSchemas.assertValid("events/license.issued.v1.schema.json", example.get("data"));
	}

}
