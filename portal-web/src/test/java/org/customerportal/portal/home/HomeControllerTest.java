package org.customerportal.portal.home;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.customerportal.portal.support.Api;
import org.customerportal.portal.support.PortalSliceTest;
import org.customerportal.portal.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(HomeController.class)
@PortalSliceTest
class HomeControllerTest {

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
	}

	@Test
	void showsWhatNeedsAttentionWithThePersonsOwnToken() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/licenses/upcoming-renewals")).willReturn(okJson("""
				{"items":[{"id":"11111111-1111-1111-1111-111111111111","product":"BARCODE-READER","type":"ANNUAL",
				  "expiresAt":"2027-01-20","renews":"LICENSE","endsOn":"2027-01-20"}],"page":0,"size":100,"totalItems":1}""")));
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders")).willReturn(okJson("""
				{"items":[{"id":"abcdef12-0000-0000-0000-000000000000","status":"PENDING_PAYMENT",
				  "total":{"amount":"1249.50","currency":"USD"}}],"page":0,"size":100,"totalItems":1}""")));
		Api.stub(WireMock.get(urlPathEqualTo("/api/licenses")).willReturn(okJson("""
				{"items":[{"id":"22222222-2222-2222-2222-222222222222","product":"LABEL-RECOGNIZER","type":"TRIAL",
				  "expiresAt":"2027-01-02","status":"ACTIVE"}],"page":0,"size":100,"totalItems":1}""")));

		mvc.perform(get("/").with(SignedIn.as("alice-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Welcome, Alice Anderson")))
			.andExpect(content().string(containsString("BARCODE-READER")))
			.andExpect(content().string(containsString("Jan 20, 2027")))
			.andExpect(content().string(containsString("Order ABCDEF12 – $1,249.50")))
			.andExpect(content().string(containsString("LABEL-RECOGNIZER, until Jan 2, 2027")))
			.andExpect(content().string(not(containsString("Create my company account"))));

		Api.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/orders")).withQueryParam("status", equalTo("PENDING_PAYMENT"))
			.withHeader("Authorization", equalTo("Bearer alice-token")));
	}

	@Test
	void aDependencyDownIsAPageThatOffersToTryAgain() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/licenses/upcoming-renewals")).willReturn(aResponse().withStatus(503)));
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders")).willReturn(okJson("{\"items\":[]}")));
		Api.stub(WireMock.get(urlPathEqualTo("/api/licenses")).willReturn(okJson("{\"items\":[]}")));

		mvc.perform(get("/").with(SignedIn.as("alice-token")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "10"))
			.andExpect(content().string(containsString("Sorry, this part of the portal is not answering")))
			.andExpect(content().string(containsString("href=\"/\"")));
	}

	@Test
	void strangersAreSentToKeycloak() throws Exception {
		mvc.perform(get("/").accept("text/html")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
	}

	@Test
	void pagesCarryAStrictContentSecurityPolicy() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/licenses/upcoming-renewals")).willReturn(okJson("{\"items\":[]}")));
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders")).willReturn(okJson("{\"items\":[]}")));
		Api.stub(WireMock.get(urlPathEqualTo("/api/licenses")).willReturn(okJson("{\"items\":[]}")));

		mvc.perform(get("/").with(SignedIn.as("alice-token")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
			.andExpect(header().string("Content-Security-Policy", containsString("form-action 'self' http://keycloak.test")));
	}

}
