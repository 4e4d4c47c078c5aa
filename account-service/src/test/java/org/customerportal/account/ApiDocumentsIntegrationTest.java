package org.customerportal.account;

import org.customerportal.platform.test.OpenApiDocuments;
import org.junit.jupiter.api.Test;

/**
 * The API documents as a client team reads them: the OpenAPI document valid for swagger-parser and free
 * of Spectral {@code oas} warnings, with this service's title and the project's version; the AsyncAPI
 * documents of its topics served self-contained, public like the OpenAPI document.
 */
class ApiDocumentsIntegrationTest extends AccountIntegrationTestSupport {

	@Test
	void areFitForOutsideReaders() throws Exception {
		OpenApiDocuments.assertFitForOutsideReaders(mvc, "Customer Portal — accounts and users", "account-events.yaml");
	}

}
