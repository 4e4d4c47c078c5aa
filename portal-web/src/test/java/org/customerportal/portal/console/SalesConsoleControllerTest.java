package org.customerportal.portal.console;

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

@WebMvcTest(SalesConsoleController.class)
@PortalSliceTest
class SalesConsoleControllerTest {

	static final String COMPANY = "7f000001-0000-0000-0000-000000000001";

	static final String QUOTE = "0c0c0c0c-0000-0000-0000-00000000000c";

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
		Api.stub(WireMock.get(urlPathEqualTo("/api/products")).willReturn(okJson(Api.PRODUCTS)));
		Api.stub(WireMock.get(urlPathEqualTo("/api/organizations/" + COMPANY)).willReturn(okJson("""
				{"id":"%s","name":"Anderson Imaging","primaryContactId":"u-1","createdAt":"2026-01-01T00:00:00Z"}"""
			.formatted(COMPANY))));
		Api.stub(WireMock.get(urlPathEqualTo("/api/organizations/" + COMPANY + "/users")).willReturn(okJson("""
				{"items":[{"id":"u-1","email":"alice@anderson.example","name":"Alice Anderson","primaryContact":true},
				          {"id":"u-2","email":"bob@anderson.example","name":"Bob Brown","primaryContact":false}],
				 "page":0,"size":100,"totalItems":2}""")));
	}

	@Test
	void onlySalesStaffReachTheConsole() throws Exception {
		mvc.perform(get("/sales").with(SignedIn.as("alice-token", "customer"))).andExpect(status().isForbidden());
		mvc.perform(get("/sales").with(SignedIn.as("sam-token", "support"))).andExpect(status().isForbidden());
		mvc.perform(get("/sales").with(SignedIn.as("sally-token", "sales"))).andExpect(status().isOk());
	}

	@Test
	void findsCompaniesToQuote() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/organizations")).withQueryParam("query", equalTo("anderson"))
			.willReturn(okJson("""
					{"items":[{"id":"%s","name":"Anderson Imaging","memberCount":2}],"page":0,"size":20,"totalItems":1}"""
				.formatted(COMPANY))));
		mvc.perform(get("/sales").param("query", "anderson").with(SignedIn.as("sally-token", "sales")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/sales/companies/" + COMPANY + "/quote")))
			.andExpect(content().string(containsString("Anderson Imaging")));
	}

	@Test
	void theFormOffersEachProductWithADiscountAndTheMembersBesidesThePrimaryContact() throws Exception {
		mvc.perform(get("/sales/companies/" + COMPANY + "/quote").with(SignedIn.as("sally-token", "sales")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A quote for Anderson Imaging")))
			.andExpect(content().string(containsString("id=\"lines[1].discountType-PERCENT\"")))
			.andExpect(content().string(containsString("id=\"lines[1].discount\"")))
			.andExpect(content().string(containsString("Alice Anderson &lt;alice@anderson.example&gt; (primary contact, always)")))
			.andExpect(content().string(containsString("value=\"bob@anderson.example\"")))
			.andExpect(content().string(not(containsString("value=\"alice@anderson.example\""))));
	}

	@Test
	void sendsTheQuotedLinesWithTheirDiscountsAndShowsWhoGotIt() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo("/api/sales-quotes")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"id":"%s","sentTo":[{"email":"alice@anderson.example","primaryContact":true},
					                     {"email":"bob@anderson.example","primaryContact":false}]}""".formatted(QUOTE))));

		mvc.perform(post("/sales/companies/" + COMPANY + "/quote").with(SignedIn.as("sally-token", "sales"))
			.with(csrf())
			.param("lines[0].product", "BARCODE-READER")
			.param("lines[0].licenseType", "PERPETUAL")
			.param("lines[0].quota", "0")
			.param("lines[0].discountType", "NONE")
			.param("lines[1].product", "MRZ-SCANNER")
			.param("lines[1].licenseType", "ANNUAL")
			.param("lines[1].quota", "3")
			.param("lines[1].discountType", "PERCENT")
			.param("lines[1].discount", "12.5")
			.param("validUntil", "2027-03-31")
			.param("note", "As agreed.")
			.param("recipients", "bob@anderson.example"))
			.andExpect(redirectedUrl("/sales/quotes/" + QUOTE))
			.andExpect(flash().attribute("notice",
					"The quote was sent to alice@anderson.example, bob@anderson.example."));

		Api.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/sales-quotes")).withRequestBody(equalToJson("""
				{"organizationId":"%s",
				 "lines":[{"product":"MRZ-SCANNER","licenseType":"ANNUAL","quota":3,"discount":{"percent":"12.5"}}],
				 "validUntil":"2027-03-31","note":"As agreed.","recipients":["bob@anderson.example"]}""".formatted(COMPANY))));
	}

	@Test
	void theSentQuoteShowsItsDiscountsAndNote() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/quotes/" + QUOTE)).willReturn(okJson("""
				{"id":"%s","organizationId":"%s",
				 "lines":[{"product":"MRZ-SCANNER","productName":"MRZ Scanner","licenseType":"ANNUAL","quota":3,
				   "unitPrice":{"amount":"49.00","currency":"USD"},"amount":{"amount":"128.62","currency":"USD"},
				   "listAmount":{"amount":"147.00","currency":"USD"},"discount":{"amount":"18.38","currency":"USD"},
				   "discountPercent":"12.5"}],
				 "total":{"amount":"128.62","currency":"USD"},"discount":{"amount":"18.38","currency":"USD"},
				 "createdAt":"2026-12-02T10:00:00Z","expiresAt":"2027-04-01T00:00:00Z","validUntil":"2027-03-31",
				 "kind":"SALES","note":"As agreed.","preparedBy":"Sally Sales"}""".formatted(QUOTE, COMPANY))));

		mvc.perform(get("/sales/quotes/" + QUOTE).with(SignedIn.as("sally-token", "sales"))
			.header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Quote 0C0C0C0C for Anderson Imaging")))
			.andExpect(content().string(containsString("−$18.38")))
			.andExpect(content().string(containsString("(12.5%)")))
			.andExpect(content().string(containsString("As agreed.")))
			.andExpect(content().string(containsString("/sales/companies/" + COMPANY + "/quote")))
			.andExpect(content().string(not(containsString("Place order"))));
	}

	@Test
	void theApisRefusalStandsNextToTheLineThatCausedItWithWhatWasEntered() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo("/api/sales-quotes")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("""
					{"status":400,"title":"Bad Request","detail":"The request has invalid fields.",
					 "errors":[{"field":"lines[0].discount.amount",
					            "message":"must not exceed the line's list amount of 147.00 USD: a line cannot go below zero"}]}""")));

		mvc.perform(post("/sales/companies/" + COMPANY + "/quote").with(SignedIn.as("sally-token", "sales"))
			.with(csrf())
			.param("lines[0].product", "BARCODE-READER")
			.param("lines[0].quota", "0")
			.param("lines[1].product", "MRZ-SCANNER")
			.param("lines[1].licenseType", "ANNUAL")
			.param("lines[1].quota", "3")
			.param("lines[1].discountType", "AMOUNT")
			.param("lines[1].discount", "150")
			.param("validUntil", "2027-03-31"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("href=\"#lines[1].discount\"")))
			.andExpect(content().string(containsString(
					"The discount must not exceed the line&#39;s list amount of 147.00 USD: a line cannot go below zero.")))
			.andExpect(content().string(containsString("value=\"150\"")));
	}

	@Test
	void aDiscountThatIsNotANumberIsShownWithoutCallingTheApi() throws Exception {
		mvc.perform(post("/sales/companies/" + COMPANY + "/quote").with(SignedIn.as("sally-token", "sales"))
			.with(csrf())
			.param("lines[0].product", "BARCODE-READER")
			.param("lines[0].licenseType", "ANNUAL")
			.param("lines[0].quota", "1")
			.param("lines[0].discountType", "PERCENT")
			.param("lines[0].discount", "ten")
			.param("lines[1].product", "MRZ-SCANNER")
			.param("lines[1].quota", "0")
			.param("validUntil", "2027-03-31"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the discount as a number, like 10 or 99.50")));
		Api.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/sales-quotes")));
	}

}
