package org.customerportal.platform;

import org.customerportal.platform.test.PortalIntegrationTest;
import org.customerportal.platform.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest(classes = TestApplication.class)
class ApiDocumentIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theOpenApiDocumentIsPublicAndTheCallerIsNotAParameter() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/me'].get").exists())
			.andExpect(jsonPath("$.paths['/api/me'].get.parameters").doesNotExist());
	}

}
