package org.customerportal.account;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI document the web portal's developers read: every call, and only what a client sends.
 */
class ApiDocumentIntegrationTest extends AccountIntegrationTestSupport {

	@Test
	void describesEveryCallWithoutInternalParameters() throws Exception {
		JsonNode document = body(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));
		JsonNode paths = document.get("paths");

		assertThat(paths.propertyNames()).contains("/api/me", "/api/organizations", "/api/organizations/{organizationId}",
				"/api/organizations/{organizationId}/users", "/api/organizations/{organizationId}/users/{userId}",
				"/api/organizations/{organizationId}/invitations", "/api/organizations/{organizationId}/primary-contact",
				"/api/invitations/{invitationId}/accept", "/api/users/{userId}", "/api/users");
		assertThat(paths.get("/api/organizations").has("get")).as("the support search for companies").isTrue();
		assertThat(paths.get("/api/users").get("get").get("parameters").valueStream().map(p -> p.get("name").asString()))
			.containsExactly("query", "page", "size");
		assertThat(document.toString()).doesNotContain("\"caller\"", "CurrentUser");
	}

}
