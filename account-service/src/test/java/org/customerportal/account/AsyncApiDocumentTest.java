package org.customerportal.account;

import java.nio.file.Path;
import java.util.Set;

import org.customerportal.platform.test.AsyncApiDocuments;
import org.customerportal.platform.test.JsonSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document the services reading the account topic rely on: a valid AsyncAPI 3.0 document
 * that describes exactly the event types the service publishes, each with its JSON Schema and its key.
 */
class AsyncApiDocumentTest {

	private static final String TOPIC = "portal.account.events";

	private static final Path RESOURCES = Path.of("src/main/resources");

	private final JsonNode document = AsyncApiDocuments.load(RESOURCES.resolve("asyncapi/account-events.yaml"));

	@Test
	void isAValidAsyncApi3Document() throws Exception {
		assertThat(AsyncApiDocuments.violations(document)).isEmpty();
		assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
		assertThat(document.at("/channels/accountEvents/address").asString()).isEqualTo(TOPIC);
		assertThat(document.at("/channels/accountEvents/bindings/kafka/topic").asString()).isEqualTo(TOPIC);
	}

	@Test
	void describesEveryPublishedTypeWithItsSchema() {
		Set<String> published = AsyncApiDocuments.publishedTypes("org.customerportal.account", TOPIC);
		assertThat(published).hasSize(7);
		AsyncApiDocuments.assertDescribesExactly(document, RESOURCES, "accountEvents", "publishAccountEvents", published,
				type -> type.equals("portal.user.removed.v1") ? "userKey" : "organizationKey");
	}

	@Test
	void itsExampleIsAMessageAsTheServiceWritesIt() {
		JsonNode example = document.at("/components/messages/memberJoined/examples/0/payload");
		assertThat(AsyncApiDocuments.validate(document.at("/components/schemas/CloudEvent"), example)).isEmpty();
		assertThat(example.get("id").asString()).isEqualTo(example.at("/data/eventId").asString());
		assertThat(example.get("subject").asString()).isEqualTo(example.at("/data/organizationId").asString());
		JsonSchemas.assertValid("events/member.joined.v1.schema.json", example.get("data"));
	}

}
