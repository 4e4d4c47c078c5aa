package org.customerportal.portal.purchase;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.customerportal.portal.support.Api;
import org.customerportal.portal.support.PortalSliceTest;
import org.customerportal.portal.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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

@WebMvcTest(PurchaseController.class)
@PortalSliceTest
class PurchaseControllerTest {

	static final String QUOTE_ID = "0c0c0c0c-0000-0000-0000-00000000000c";

	static final String ORDER_ID = "abcdef12-0000-0000-0000-000000000001";

	static final String QUOTE = """
			{"id":"0c0c0c0c-0000-0000-0000-00000000000c","organizationId":"7f000001-0000-0000-0000-000000000001",
			 "lines":[{"product":"BARCODE-READER","productName":"Barcode Reader SDK","licenseType":"ANNUAL","quota":5,
			   "unitPrice":{"amount":"1249.00","currency":"USD"},"amount":{"amount":"6245.00","currency":"USD"}}],
			 "total":{"amount":"6245.00","currency":"USD"},"createdAt":"2026-12-02T10:00:00Z","expiresAt":"2027-01-01T10:00:00Z"}""";

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
		Api.stub(WireMock.get(urlPathEqualTo("/api/products")).willReturn(okJson(Api.PRODUCTS)));
	}

	@Test
	void theCatalogueIsAFormWithAQuotaAndTheLicenseTypesEachProductIsSoldAs() throws Exception {
		mvc.perform(get("/purchase").with(SignedIn.as("alice-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Barcode Reader SDK")))
			.andExpect(content().string(containsString("Product code BARCODE-READER")))
			.andExpect(content().string(containsString("$1,249.00 per developer a year")))
			.andExpect(content().string(containsString("$2,499.00 per developer, once")))
			.andExpect(content().string(containsString("Maintenance of a perpetual licence: $499.80 per developer a year")))
			.andExpect(content().string(containsString("id=\"lines[0].licenseType-PERPETUAL\"")))
			.andExpect(content().string(containsString("id=\"lines[1].licenseType-ANNUAL\"")))
			.andExpect(content().string(not(containsString("id=\"lines[1].licenseType-PERPETUAL\""))))
			.andExpect(content().string(containsString("for=\"lines[1].quota\"")))
			.andExpect(content().string(containsString("id=\"lines[1].quota\"")));
	}

	@Test
	void theChosenProductsAreQuotedForThePersonsCompany() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo("/api/quotes")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(QUOTE)));

		mvc.perform(lines().param("lines[0].quota", "5").param("lines[1].quota", "0"))
			.andExpect(redirectedUrl("/quotes/" + QUOTE_ID));

		Api.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/quotes")).withRequestBody(equalToJson("""
				{"organizationId":"7f000001-0000-0000-0000-000000000001",
				 "lines":[{"product":"BARCODE-READER","licenseType":"ANNUAL","quota":5}]}""")));
	}

	@Test
	void nothingChosenIsAskedForAgainWithTheEnteredValuesKept() throws Exception {
		mvc.perform(lines().param("lines[0].quota", "0").param("lines[1].quota", "-2"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("<a href=\"#lines[1].quota\">Enter a quota of 0 or more</a>")))
			.andExpect(content().string(containsString("value=\"-2\"")));

		mvc.perform(lines().param("lines[0].quota", "1000001").param("lines[1].quota", "0").header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter a quota of 1,000,000 or less")));

		mvc.perform(lines().param("lines[0].quota", "0").param("lines[1].quota", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<span>Enter a quota of 1 or more for at least one product</span>")));

		mvc.perform(lines().param("lines[0].quota", "many").param("lines[1].quota", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the quota as a whole number, 0 if you do not want this product")))
			.andExpect(content().string(containsString("value=\"many\"")));

		Api.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/quotes")));
	}

	@Test
	void aRefusedQuoteShowsTheApisSentence() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo("/api/quotes"))
			.willReturn(Api.problem(422, "You are not a member of this organisation.")));

		mvc.perform(lines().param("lines[0].quota", "1").param("lines[1].quota", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You are not a member of this organisation.")));
	}

	@Test
	void someoneWithoutACompanyIsSentToCreateOne() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/me")).willReturn(okJson(Api.ME.replace(
				"\"7f000001-0000-0000-0000-000000000001\"", "null"))));

		mvc.perform(get("/purchase").with(SignedIn.as("alice-token")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/account/company\"")))
			.andExpect(content().string(not(containsString("Get a quote"))));
	}

	@Test
	void aSalesQuoteShowsItsDiscountsNoteAndWhoPreparedIt() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/quotes/" + QUOTE_ID)).willReturn(okJson("""
				{"id":"0c0c0c0c-0000-0000-0000-00000000000c","organizationId":"7f000001-0000-0000-0000-000000000001",
				 "lines":[{"product":"BARCODE-READER","productName":"Barcode Reader SDK","licenseType":"ANNUAL","quota":5,
				   "unitPrice":{"amount":"1249.00","currency":"USD"},"amount":{"amount":"5620.50","currency":"USD"},
				   "listAmount":{"amount":"6245.00","currency":"USD"},"discount":{"amount":"624.50","currency":"USD"},
				   "discountPercent":"10"}],
				 "total":{"amount":"5620.50","currency":"USD"},"listTotal":{"amount":"6245.00","currency":"USD"},
				 "discount":{"amount":"624.50","currency":"USD"},"createdAt":"2026-12-02T10:00:00Z",
				 "expiresAt":"2027-02-01T00:00:00Z","validUntil":"2027-01-31","kind":"SALES",
				 "note":"As agreed <on the phone>.","preparedBy":"Sally Sales"}""")));

		mvc.perform(get("/quotes/" + QUOTE_ID).with(SignedIn.as("alice-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("List price")))
			// one table of lines: the discounted one
			.andExpect(content().string(not(containsString("Unit price"))))
			.andExpect(content().string(containsString("−$624.50")))
			.andExpect(content().string(containsString("(10%)")))
			.andExpect(content().string(containsString("$5,620.50")))
			.andExpect(content().string(containsString("Jan 31, 2027")))
			.andExpect(content().string(containsString("Sally Sales")))
			.andExpect(content().string(containsString("As agreed &lt;on the phone&gt;.")))
			.andExpect(content().string(containsString("action=\"/quotes/" + QUOTE_ID + "/order\"")));
	}

	@Test
	void theQuoteShowsItsLinesTotalAndValidityAndPlacesTheOrderOnce() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/quotes/" + QUOTE_ID)).willReturn(okJson(QUOTE)));

		mvc.perform(get("/quotes/" + QUOTE_ID).with(SignedIn.as("alice-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Quote 0C0C0C0C")))
			.andExpect(content().string(containsString("$6,245.00")))
			.andExpect(content().string(containsString("Jan 1, 2027")))
			.andExpect(content().string(containsString("action=\"/quotes/" + QUOTE_ID + "/order\"")))
			.andExpect(content().string(containsString("name=\"idempotencyKey\"")));

		Api.stub(WireMock.post(urlPathEqualTo("/api/quotes/" + QUOTE_ID + "/order")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"" + ORDER_ID + "\",\"status\":\"PENDING_PAYMENT\"}")));
		mvc.perform(post("/quotes/" + QUOTE_ID + "/order").param("idempotencyKey", "key-1")
			.with(SignedIn.as("alice-token"))
			.with(csrf())).andExpect(redirectedUrl("/orders/" + ORDER_ID + "/payment"));

		Api.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/quotes/" + QUOTE_ID + "/order"))
			.withHeader("Idempotency-Key", equalTo("key-1")));
	}

	@Test
	void anOrderedQuoteLinksItsOrderAndARefusalIsShown() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/quotes/" + QUOTE_ID))
			.willReturn(okJson(QUOTE.replace("\"createdAt\"", "\"orderId\":\"" + ORDER_ID + "\",\"createdAt\""))));
		mvc.perform(get("/quotes/" + QUOTE_ID).with(SignedIn.as("alice-token")))
			.andExpect(content().string(containsString("href=\"/orders/" + ORDER_ID + "\"")))
			.andExpect(content().string(not(containsString("Place order"))));

		Api.stub(WireMock.post(urlPathEqualTo("/api/quotes/" + QUOTE_ID + "/order"))
			.willReturn(Api.problem(409, "This quote has already been ordered.")));
		mvc.perform(post("/quotes/" + QUOTE_ID + "/order").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(redirectedUrl("/quotes/" + QUOTE_ID))
			.andExpect(flash().attribute("refusal", "This quote has already been ordered."));
	}

	private static MockHttpServletRequestBuilder lines() {
		return post("/purchase").with(SignedIn.as("alice-token"))
			.with(csrf())
			.param("lines[0].product", "BARCODE-READER")
			.param("lines[0].licenseType", "ANNUAL")
			.param("lines[1].product", "MRZ-SCANNER")
			.param("lines[1].licenseType", "ANNUAL");
	}

}
