package org.customerportal.portal.trial;

import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.customerportal.portal.license.Catalogue;
import org.customerportal.portal.license.CatalogueStub;
import org.customerportal.portal.support.Api;
import org.customerportal.portal.support.PortalSliceTest;
import org.customerportal.portal.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(TrialController.class)
@PortalSliceTest
@Import(Catalogue.class)
class TrialControllerTest {

	static final String TRIAL = "33333333-3333-3333-3333-333333333333";

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
		CatalogueStub.twoProducts();
		Api.stub(WireMock.get(urlPathEqualTo("/api/licenses")).willReturn(okJson("""
				{"items":[
				 {"id":"11111111-1111-1111-1111-111111111111","key":"AAAA-BBBB","product":"DOCUMENT-VIEWER","type":"ANNUAL",
				  "quota":1,"expiresAt":"2027-01-20","status":"ACTIVE"},
				 {"id":"%s","key":"TTTT-UUUU-VVVV-WWWW","product":"LABEL-RECOGNIZER","type":"TRIAL","quota":1,
				  "expiresAt":"2027-01-02","status":"ACTIVE","trialExtensions":1}
				],"page":0,"size":100,"totalItems":2}""".formatted(TRIAL))));
	}

	@Test
	void listsOnlyTheTrialsWithTheExtensionsLeft() throws Exception {
		mvc.perform(get("/trials").with(SignedIn.as("alice-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Trial License</h1>")))
			.andExpect(content().string(containsString("LABEL-RECOGNIZER")))
			.andExpect(content().string(containsString("Jan 2, 2027")))
			.andExpect(content().string(containsString("1 extension left")))
			.andExpect(content().string(containsString("action=\"/trials/" + TRIAL + "/extensions\"")))
			.andExpect(content().string(not(containsString("DOCUMENT-VIEWER"))))
			.andExpect(content().string(containsString("<option value=\"BARCODE-READER\">Barcode Reader SDK</option>")));
	}

	@Test
	void startingATrialSendsTheProduct() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo("/api/trials")).willReturn(okJson("""
				{"id":"%s","product":"BARCODE-READER","type":"TRIAL","expiresAt":"2027-01-01"}""".formatted(TRIAL))));

		mvc.perform(post("/trials").param("product", "BARCODE-READER").with(SignedIn.as("alice-token")).with(csrf())
			.header("Accept-Language", "en-US"))
			.andExpect(redirectedUrl("/trials"))
			.andExpect(flash().attribute("notice", "Your trial of BARCODE-READER has started. It runs until Jan 1, 2027."));
		Api.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/trials")).withRequestBody(equalToJson("{\"product\":\"BARCODE-READER\"}")));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			409 | Your organisation already has an active trial of LABEL-RECOGNIZER until 2027-01-02. Extend that trial instead of starting a new one.
			422 | Your company has already tried LABEL-RECOGNIZER 3 (from 2026-01-05); each version can be tried once. Buy a licence to keep using it, or contact sales if you need more time to evaluate it.
			""")
	void aSecondTrialOfTheProductIsRefusedNextToTheProduct(int status, String sentence) throws Exception {
		// running (409), or ended: each version is tried once (422)
		Api.stub(WireMock.post(urlPathEqualTo("/api/trials")).willReturn(Api.problem(status, sentence)));

		mvc.perform(post("/trials").param("product", "LABEL-RECOGNIZER").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#product\">" + sentence + "</a>")))
			.andExpect(content().string(containsString("id=\"product-error\"")))
			.andExpect(content().string(containsString("<option value=\"LABEL-RECOGNIZER\" selected=\"selected\">")));
	}

	@Test
	void startingWithoutAProductAsksForOne() throws Exception {
		mvc.perform(post("/trials").param("product", "").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#product\">Choose the product to try</a>")));
		Api.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/trials")));
	}

	@Test
	void aThirdExtensionShowsTheApisSentenceBesideTheTrial() throws Exception {
		String sentence = "This trial has already been extended twice, and the limit is two. Buy a licence to keep using LABEL-RECOGNIZER.";
		Api.stub(WireMock.post(urlPathEqualTo("/api/trials/" + TRIAL + "/extensions")).willReturn(Api.problem(422, sentence)));

		mvc.perform(post("/trials/" + TRIAL + "/extensions").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(redirectedUrl("/trials"))
			.andExpect(flash().attribute("extensionRefused", new TrialController.Refusal(UUID.fromString(TRIAL), sentence)));

		mvc.perform(get("/trials").with(SignedIn.as("alice-token"))
			.flashAttr("extensionRefused", new TrialController.Refusal(UUID.fromString(TRIAL), sentence)))
			.andExpect(content().string(containsString("href=\"#extend-" + TRIAL + "\">" + sentence + "</a>")))
			.andExpect(content().string(containsString("id=\"extend-" + TRIAL + "-error\"")));
	}

	@Test
	void extendingSaysUntilWhen() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo("/api/trials/" + TRIAL + "/extensions")).willReturn(okJson("""
				{"id":"%s","product":"LABEL-RECOGNIZER","type":"TRIAL","expiresAt":"2027-02-01","trialExtensions":2}""".formatted(TRIAL))));

		mvc.perform(post("/trials/" + TRIAL + "/extensions").with(SignedIn.as("alice-token")).with(csrf())
			.header("Accept-Language", "en-US"))
			.andExpect(redirectedUrl("/trials"))
			.andExpect(flash().attribute("notice", "Your trial of LABEL-RECOGNIZER now runs until Feb 1, 2027."));
	}

}
