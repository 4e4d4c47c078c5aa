package org.customerportal.portal.preferences;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.customerportal.portal.support.Api;
import org.customerportal.portal.support.PortalSliceTest;
import org.customerportal.portal.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(PreferencesController.class)
@PortalSliceTest
class PreferencesControllerTest {

	static final String API = "/api/notifications/preferences";

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
	}

	@Test
	void showsTheSettingsAsCheckboxes() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo(API)).willReturn(okJson("{\"renewalReminders\":true,\"newsletter\":false}")));

		mvc.perform(get("/preferences").with(SignedIn.as("alice-token")))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern("(?s).*<input[^>]*id=\"renewalReminders\"[^>]*checked.*")))
			.andExpect(content().string(matchesPattern("(?s).*<input(?![^>]*checked)[^>]*id=\"newsletter\"[^>]*>.*")));
	}

	@Test
	void anUntickedBoxIsSavedAsNo() throws Exception {
		Api.stub(WireMock.put(urlPathEqualTo(API)).willReturn(okJson("{\"renewalReminders\":false,\"newsletter\":true}")));

		mvc.perform(post("/preferences").with(SignedIn.as("alice-token")).with(csrf()).param("newsletter", "true"))
			.andExpect(redirectedUrl("/preferences"))
			.andExpect(flash().attribute("notice", "Your e-mail preferences are saved."));

		Api.SERVER.verify(putRequestedFor(urlPathEqualTo(API)).withHeader("Authorization", equalTo("Bearer alice-token"))
			.withRequestBody(equalToJson("{\"renewalReminders\":false,\"newsletter\":true}")));
	}

}
