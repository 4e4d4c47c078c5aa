package org.customerportal.e2e.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Endpoints;
import org.customerportal.e2e.support.Http;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client team downloads from the running suite, without a token, through the gateway: each
 * service's OpenAPI document with its own title, a version and described tags, and the topics'
 * AsyncAPI documents as YAML that stands alone (no reference to a schema file beside it).
 */
@EndToEndTest
@Order(10)
class ApiDocumentsJourneyTest {

	@Test
	void everyDocumentIsServedForOutsideReaders() throws Exception {
		for (String service : List.of("account", "order", "license", "notification")) {
			JsonNode document = Http.send("GET", URI.create(Endpoints.GATEWAY + "/v3/api-docs/" + service), Map.of(), null)
				.expect(200)
				.json();
			assertThat(document.at("/info/title").asString()).as(service).startsWith("Customer Portal — ");
			assertThat(document.at("/info/version").asString()).as(service).isNotBlank().isNotEqualTo("v0");
			assertThat(document.path("tags")).as(service)
				.isNotEmpty()
				.allSatisfy(tag -> assertThat(tag.path("description").asString()).isNotBlank());
		}
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		for (String name : List.of("account-events.yaml", "order-events.yaml", "catalog-events.yaml",
				"license-events.yaml")) {
			HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(Endpoints.GATEWAY + "/asyncapi/" + name))
				.timeout(Duration.ofSeconds(30))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(name).isEqualTo(200);
			assertThat(answer.headers().firstValue("Content-Type")).as(name)
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
			assertThat(answer.body()).as(name).startsWith("asyncapi: 3.0.0").doesNotContain("../events/");
		}
	}

}
