package org.customerportal.portal.license;

import java.util.List;
import java.util.UUID;

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
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LicenseListController.class)
@PortalSliceTest
@org.springframework.context.annotation.Import(Catalogue.class)
class LicenseListControllerTest {

	static final String ANNUAL = "11111111-1111-1111-1111-111111111111";

	static final String PERPETUAL = "22222222-2222-2222-2222-222222222222";

	static final String LICENSES = """
			{"items":[
			 {"id":"%s","key":"AAAA-BBBB-CCCC-DDDD-EEEE","orderId":"abcdef12-0000-0000-0000-000000000000",
			  "product":"BARCODE-READER","type":"ANNUAL","productVersion":10,"quota":5,"quotaUsed":1,
			  "validFrom":"2026-01-20","expiresAt":"2027-01-20","status":"ACTIVE","renews":"LICENSE","endsOn":"2027-01-20"},
			 {"id":"%s","key":"PPPP-QQQQ-RRRR-SSSS","orderId":"abcdef12-0000-0000-0000-000000000000",
			  "product":"LABEL-RECOGNIZER","type":"PERPETUAL","productVersion":3,"quota":2,"quotaUsed":0,
			  "validFrom":"2025-02-01","maintenanceExpiresAt":"2027-02-01","status":"ACTIVE","renews":"MAINTENANCE","endsOn":"2027-02-01"},
			 {"id":"33333333-3333-3333-3333-333333333333","key":"TTTT-UUUU","product":"BARCODE-READER","type":"TRIAL",
			  "productVersion":10,"quota":1,"quotaUsed":0,"expiresAt":"2026-12-30","status":"EXPIRED","trialExtensions":2}
			],"page":1,"size":20,"totalItems":45}""".formatted(ANNUAL, PERPETUAL);

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
		CatalogueStub.twoProducts();
		Api.stub(WireMock.get(urlPathEqualTo("/api/licenses")).willReturn(okJson(LICENSES)));
		Api.stub(WireMock.get(urlPathEqualTo("/api/licenses/upcoming-renewals")).willReturn(okJson(LICENSES)));
	}

	@Test
	void fullLicenseListsTheLicensesToTickAndRenew() throws Exception {
		mvc.perform(get("/licenses").param("status", "ACTIVE").param("product", "BARCODE-READER").param("page", "1")
			.with(SignedIn.as("alice-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Full License</h1>")))
			.andExpect(content().string(containsString("AAAA-BBBB-CCCC…")))
			.andExpect(content().string(not(containsString("AAAA-BBBB-CCCC-DDDD-EEEE"))))
			.andExpect(content().string(containsString("1 of 5")))
			.andExpect(content().string(containsString("Jan 20, 2027")))
			// perpetual: the day its maintenance ends
			.andExpect(content().string(containsString("Feb 1, 2027")))
			.andExpect(content().string(containsString("name=\"licenseIds\" value=\"" + ANNUAL + "\"")))
			.andExpect(content().string(containsString("Select BARCODE-READER licence AAAA-BBBB-CCCC…")))
			.andExpect(content().string(containsString("form=\"renew-now-" + ANNUAL + "\"")))
			.andExpect(content().string(matchesPattern("(?s).*name=\"idempotencyKey\" value=\"[0-9a-f-]{36}-" + ANNUAL + "\".*")))
			.andExpect(content().string(containsString("href=\"/licenses/" + ANNUAL + "\"")))
			// a trial is not renewed: it has no box and no Renew Now
			.andExpect(content().string(not(containsString("value=\"33333333-3333-3333-3333-333333333333\""))))
			.andExpect(content().string(containsString("govuk-tag--grey")))
			.andExpect(content().string(containsString("<option value=\"ACTIVE\" selected=\"selected\">Active</option>")))
			.andExpect(content().string(containsString("<option value=\"BARCODE-READER\" selected=\"selected\">Barcode Reader SDK</option>")))
			.andExpect(content().string(containsString("Page 2 of 3")))
			.andExpect(content().string(containsString("href=\"/licenses?status=ACTIVE&amp;product=BARCODE-READER&amp;page=0\"")))
			.andExpect(content().string(containsString("href=\"/licenses?status=ACTIVE&amp;product=BARCODE-READER&amp;page=2\"")));

		Api.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/licenses")).withQueryParam("status", equalTo("ACTIVE"))
			.withQueryParam("product", equalTo("BARCODE-READER"))
			.withQueryParam("page", equalTo("1"))
			.withHeader("Authorization", equalTo("Bearer alice-token")));
	}

	@Test
	void upcomingRenewalSaysWhatRenewingExtendsWithinTheChosenWindow() throws Exception {
		mvc.perform(get("/licenses/upcoming-renewals").param("withinDays", "180").with(SignedIn.as("alice-token")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Upcoming Renewal</h1>")))
			.andExpect(content().string(containsString("Maintenance")))
			.andExpect(content().string(containsString("<option value=\"180\" selected=\"selected\">180 days</option>")))
			.andExpect(content().string(containsString("Renew Selected")));
		Api.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/licenses/upcoming-renewals"))
			.withQueryParam("withinDays", equalTo("180")));

		mvc.perform(get("/licenses/upcoming-renewals").param("withinDays", "7000").with(SignedIn.as("alice-token")))
			.andExpect(status().isOk());
		Api.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/licenses/upcoming-renewals"))
			.withQueryParam("withinDays", equalTo("90")));
	}

	@Test
	void renewSelectedPlacesOneRenewalOrderAndGoesOnToItsPayment() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo("/api/renewals")).willReturn(okJson("""
				{"id":"feedbeef-0000-0000-0000-000000000000","type":"RENEWAL","status":"PENDING_PAYMENT"}""")));

		mvc.perform(post("/licenses/renewals").param("licenseIds", ANNUAL, PERPETUAL)
			.param("back", "/licenses/upcoming-renewals?withinDays=90")
			.param("idempotencyKey", "page-key-1")
			.with(SignedIn.as("alice-token"))
			.with(csrf()))
			.andExpect(redirectedUrl("/orders/feedbeef-0000-0000-0000-000000000000/payment"))
			.andExpect(flash().attribute("notice", "Renewal order FEEDBEEF for 2 licences is ready: choose how to pay."));

		Api.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/renewals"))
			.withRequestBody(equalToJson("{\"licenseIds\":[\"" + ANNUAL + "\",\"" + PERPETUAL + "\"]}"))
			// a second click on the same page gets the same order back
			.withHeader("Idempotency-Key", equalTo("page-key-1")));
	}

	@Test
	void aRefusalGoesBackToTheListWithTheSentenceAndTheBoxesStillTicked() throws Exception {
		String sentence = "There is no such licence, or you are not a contact of the order it came from. Ask a contact of that order to add you.";
		Api.stub(WireMock.post(urlPathEqualTo("/api/renewals")).willReturn(Api.problem(404, sentence)));

		mvc.perform(post("/licenses/renewals").param("licenseIds", ANNUAL)
			.param("back", "/licenses/upcoming-renewals?withinDays=60")
			.with(SignedIn.as("alice-token"))
			.with(csrf()))
			.andExpect(redirectedUrl("/licenses/upcoming-renewals?withinDays=60"))
			.andExpect(flash().attribute("renewalError", sentence))
			.andExpect(flash().attribute("selected", List.of(UUID.fromString(ANNUAL))));

		mvc.perform(get("/licenses").with(SignedIn.as("alice-token"))
			.flashAttr("renewalError", sentence)
			.flashAttr("selected", List.of(UUID.fromString(ANNUAL))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("<a href=\"#licence-list\">" + sentence + "</a>")))
			.andExpect(content().string(containsString("id=\"licence-" + ANNUAL + "\" checked=\"checked\"")))
			.andExpect(content().string(not(containsString("id=\"licence-" + PERPETUAL + "\" checked"))));
	}

	@Test
	void renewNowOnTheLicensePageGoesBackThereWhenRefused() throws Exception {
		String sentence = "Licence " + ANNUAL + " is a TRIAL licence and cannot be renewed. Buy a licence instead.";
		Api.stub(WireMock.post(urlPathEqualTo("/api/renewals")).willReturn(Api.problem(422, sentence)));

		mvc.perform(post("/licenses/renewals").param("licenseIds", ANNUAL)
			.param("back", "/licenses/" + ANNUAL)
			.with(SignedIn.as("alice-token"))
			.with(csrf()))
			.andExpect(redirectedUrl("/licenses/" + ANNUAL))
			.andExpect(flash().attribute("renewalError", sentence));
	}

	@Test
	void renewingNothingAsksToSelectAndCallsNoOne() throws Exception {
		mvc.perform(post("/licenses/renewals").param("back", "https://elsewhere.example/")
			.with(SignedIn.as("alice-token"))
			.with(csrf()))
			.andExpect(redirectedUrl("/licenses"))
			.andExpect(flash().attribute("renewalError", "Select the licences you want to renew."));

		Api.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/renewals")));
	}

}
