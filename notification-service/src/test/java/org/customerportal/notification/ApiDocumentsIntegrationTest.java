package org.customerportal.notification;

import org.customerportal.platform.test.OpenApiDocuments;
import org.junit.jupiter.api.Test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API documents as a client team reads them: the OpenAPI document valid for swagger-parser and free
 * of Spectral {@code oas} warnings, with this service's title and the project's version; no AsyncAPI
 * document, as the service publishes no events.
 */
class ApiDocumentsIntegrationTest extends IntegrationTestSupport {

	@Test
	void areFitForOutsideReaders() throws Exception {
		OpenApiDocuments.assertFitForOutsideReaders(mvc, "Customer Portal — notifications");
	}

	@Test
	void publishesNoEventsSoServesNoAsyncApiDocument() throws Exception {
		mvc.perform(get("/asyncapi/notification-events.yaml")).andExpect(status().isNotFound());
	}

}
