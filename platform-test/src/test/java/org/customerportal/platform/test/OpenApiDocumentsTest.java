package org.customerportal.platform.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of an OpenAPI document report what swagger-parser and Spectral's {@code oas} ruleset would,
 * each named by its rule, and nothing for a document written as the services' documents should be.
 */
class OpenApiDocumentsTest {

	private static final String FIT = """
			{"openapi": "3.1.0",
			 "info": {"title": "Orders", "version": "1.2.0", "description": "What it does.",
			          "contact": {"name": "Maintainers"}, "license": {"name": "Apache-2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0"}},
			 "servers": [{"url": "/"}],
			 "tags": [{"name": "Orders", "description": "My Orders."}],
			 "paths": {"/api/orders/{orderId}": {"get": {"tags": ["Orders"], "summary": "One order",
			   "description": "Its contacts and support only.", "operationId": "getOrder",
			   "parameters": [{"name": "orderId", "in": "path", "required": true, "schema": {"type": "string"}}],
			   "responses": {"200": {"description": "OK", "content": {"application/json":
			     {"schema": {"$ref": "#/components/schemas/Order"}}}}}}}},
			 "components": {"schemas": {"Order": {"type": "object", "properties": {
			   "status": {"type": "string", "enum": ["PAID", "CANCELLED"]},
			   "lines": {"type": "array", "items": {"type": "string"}}}}}}}
			""";

	/** What springdoc writes for a controller without annotations, in a service without a definition. */
	private static final String SPRINGDOC_DEFAULTS = """
			{"openapi": "3.1.0",
			 "info": {"title": "OpenAPI definition", "version": ""},
			 "servers": [],
			 "paths": {
			   "/api/orders/": {"get": {"tags": ["order-controller"], "operationId": "list",
			     "responses": {"200": {"description": "OK"}}}},
			   "/api/orders/{orderId}": {"get": {"tags": ["order-controller"], "operationId": "list",
			     "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
			     "responses": {"404": {"description": "Not found"}}}}},
			 "components": {"schemas": {
			   "Unused": {"type": "object", "properties": {
			     "status": {"type": "string", "enum": ["PAID", "PAID", 3]},
			     "lines": {"type": "array"}}}}}}
			""";

	@Test
	void aDocumentWrittenForOutsideReadersHasNoViolation() {
		assertThat(OpenApiDocuments.violations(FIT)).isEmpty();
	}

	@Test
	void springdocsDefaultsBreakTheRulesAClientTeamsLinterChecks() {
		assertThat(OpenApiDocuments.violations(SPRINGDOC_DEFAULTS))
			.anySatisfy(violation -> assertThat(violation).startsWith("oas3-schema").contains("info.version"))
			.anySatisfy(violation -> assertThat(violation).startsWith("info-description"))
			.anySatisfy(violation -> assertThat(violation).startsWith("info-contact"))
			.anySatisfy(violation -> assertThat(violation).startsWith("oas3-api-servers"))
			.anySatisfy(violation -> assertThat(violation).startsWith("openapi-tags "))
			.anySatisfy(violation -> assertThat(violation)
				.isEqualTo("operation-tag-defined GET /api/orders/: tag order-controller is not defined globally"))
			.anySatisfy(violation -> assertThat(violation).isEqualTo("operation-description GET /api/orders/: no description"))
			.anySatisfy(violation -> assertThat(violation).isEqualTo("operation-summary GET /api/orders/: no summary"))
			.anySatisfy(violation -> assertThat(violation).startsWith("operation-operationId-unique GET /api/orders/{orderId}"))
			.anySatisfy(violation -> assertThat(violation).startsWith("path-keys-no-trailing-slash /api/orders/"))
			.anySatisfy(violation -> assertThat(violation).startsWith("path-params GET /api/orders/{orderId}"))
			.anySatisfy(violation -> assertThat(violation).startsWith("operation-success-response GET /api/orders/{orderId}"))
			.anySatisfy(violation -> assertThat(violation).startsWith("oas3-unused-component $.components.schemas.Unused"))
			.anySatisfy(violation -> assertThat(violation).startsWith("duplicated-entry-in-enum"))
			.anySatisfy(violation -> assertThat(violation).startsWith("typed-enum"))
			.anySatisfy(violation -> assertThat(violation).startsWith("array-items"));
	}

	@Test
	void aGlobalTagNoOperationUsesAndATagWithoutDescriptionAreReported() {
		String document = FIT.replace("""
				"tags": [{"name": "Orders", "description": "My Orders."}]""", """
				"tags": [{"name": "Orders"}, {"name": "Billing", "description": "Nothing uses it."}]""");

		assertThat(OpenApiDocuments.violations(document)).containsExactlyInAnyOrder(
				"tag-description $.tags: Orders has no description",
				"openapi-tags-alphabetical $.tags: Billing after Orders", "unused-tag $.tags: no operation has the tag Billing");
	}

}
