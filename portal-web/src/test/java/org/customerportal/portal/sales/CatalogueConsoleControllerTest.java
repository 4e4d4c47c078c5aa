package org.customerportal.portal.sales;

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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CatalogueConsoleController.class)
@PortalSliceTest
class CatalogueConsoleControllerTest {

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
		Api.stub(WireMock.get(urlPathEqualTo("/api/price-lists/EUR")).willReturn(okJson("""
				{"currency":"EUR","version":3,"updatedAt":"2026-11-30T10:15:00Z","updatedBy":"sally","prices":[
				 {"product":"MRZ-SCANNER","annualUnitPrice":{"amount":"45.00","currency":"EUR"}}]}""")
			.withHeader("ETag", "\"3\"")));
	}

	@Test
	void customersHaveNoSalesConsole() throws Exception {
		mvc.perform(get("/sales/products").with(SignedIn.as("alice-token", "customer"))).andExpect(status().isForbidden());
	}

	@Test
	void aPriceListIsEditedInOneFormThatSendsBackTheVersionItWasLoadedAt() throws Exception {
		mvc.perform(get("/sales/price-lists/EUR").with(SignedIn.as("sally-token", "sales")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Price list in EUR</h1>")))
			.andExpect(content().string(containsString("name=\"version\" value=\"&quot;3&quot;\"")))
			.andExpect(content().string(containsString("value=\"MRZ-SCANNER\"")))
			.andExpect(content().string(containsString("value=\"45.00\"")));
		Api.stub(WireMock.put(urlPathEqualTo("/api/price-lists/EUR")).willReturn(okJson("""
				{"currency":"EUR","version":4,"prices":[]}""")));

		mvc.perform(post("/sales/price-lists/EUR").param("version", "\"3\"")
			.param("prices[0].product", "MRZ-SCANNER")
			.param("prices[0].annualUnitPrice", "49.00")
			.param("prices[1].product", "")
			.with(SignedIn.as("sally-token", "sales"))
			.with(csrf()))
			.andExpect(redirectedUrl("/sales/price-lists/EUR"))
			.andExpect(flash().attribute("notice", "The price list in EUR is saved."));
		Api.client().verifyThat(putRequestedFor(urlPathEqualTo("/api/price-lists/EUR"))
			.withHeader("If-Match", equalTo("\"3\""))
			.withRequestBody(equalToJson("""
					{"prices":[{"product":"MRZ-SCANNER","annualUnitPrice":49.00}]}""", true, true)));
	}

	@Test
	void aProductsPageOffersItsChangeWithTheTypesItIsSoldAsTickedAndTheNextVersionToRelease() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/products/MRZ-SCANNER")).willReturn(okJson("""
				{"code":"MRZ-SCANNER","name":"MRZ Scanner","quotaUnit":"device","licenseTypes":["ANNUAL"],"currentVersion":3,
				 "version":7,"updatedAt":"2026-11-30T10:15:00Z","updatedBy":"sally"}""")));
		Api.stub(WireMock.get(urlPathEqualTo("/api/products/MRZ-SCANNER/releases")).willReturn(okJson("""
				[{"majorVersion":3,"releasedOn":"2026-01-01","releasedBy":"migration","releasedAt":"2026-01-01T00:00:00Z"}]""")));
		Api.stub(WireMock.get(urlPathEqualTo("/api/catalogue-changes")).willReturn(okJson("""
				{"items":[],"page":0,"size":10,"totalItems":0}""")));

		mvc.perform(get("/sales/products/MRZ-SCANNER").with(SignedIn.as("sally-token", "sales")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("MRZ Scanner</h1>")))
			.andExpect(content().string(containsString("name=\"majorVersion\" value=\"4\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"&quot;7&quot;\"")))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
					"(?s).*<input[^>]*value=\"ANNUAL\"[^>]*checked=\"checked\".*")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.matchesPattern(
					"(?s).*<input[^>]*value=\"PERPETUAL\"[^>]*checked=\"checked\".*"))));
	}

	@Test
	void aStaleChangeShowsTheApisSentence() throws Exception {
		String sentence = "Someone changed the price list in EUR since you loaded it. Reload it, check their change and make yours again.";
		Api.stub(WireMock.put(urlPathEqualTo("/api/price-lists/EUR")).willReturn(Api.problem(412, sentence)));

		mvc.perform(post("/sales/price-lists/EUR").param("version", "\"2\"")
			.param("prices[0].product", "MRZ-SCANNER")
			.param("prices[0].annualUnitPrice", "49.00")
			.with(SignedIn.as("sam-token", "support"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(sentence)));
	}

}
