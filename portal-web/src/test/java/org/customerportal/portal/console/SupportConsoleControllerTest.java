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

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
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

@WebMvcTest(SupportConsoleController.class)
@PortalSliceTest
class SupportConsoleControllerTest {

	static final String COMPANY = "7f000001-0000-0000-0000-000000000001";

	static final String ORDER = "abcdef12-0000-0000-0000-000000000000";

	static final String PAYMENT = "99999999-0000-0000-0000-000000000000";

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
	}

	@Test
	void customersDoNotReachTheConsole() throws Exception {
		mvc.perform(get("/support").with(SignedIn.as("alice-token", "customer"))).andExpect(status().isForbidden());
	}

	@Test
	void findsPeopleAndCompaniesByPartOfAnAddressOrName() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/users")).withQueryParam("query", equalTo("anderson"))
			.willReturn(okJson("""
					{"items":[{"id":"u-1","email":"alice@anderson.example","name":"Alice Anderson",
					  "organizationId":"%s","organizationName":"Anderson Imaging"}],"page":0,"size":20,"totalItems":1}"""
				.formatted(COMPANY))));
		Api.stub(WireMock.get(urlPathEqualTo("/api/organizations")).withQueryParam("query", equalTo("anderson"))
			.willReturn(okJson("""
					{"items":[{"id":"%s","name":"Anderson Imaging","memberCount":2}],"page":0,"size":20,"totalItems":1}"""
				.formatted(COMPANY))));

		mvc.perform(get("/support").param("query", " anderson ").with(SignedIn.as("sam-token", "support")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("alice@anderson.example")))
			.andExpect(content().string(containsString("/support/companies/" + COMPANY)))
			.andExpect(content().string(containsString("2 people")));
	}

	@Test
	void aOneLetterSearchAsksForMoreWithoutCallingTheApi() throws Exception {
		mvc.perform(get("/support").param("query", "a").with(SignedIn.as("sam-token", "support")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter at least 2 characters to search")));
		Api.SERVER.verify(0, WireMock.getRequestedFor(urlPathEqualTo("/api/users")));
	}

	@Test
	void aCompanyPageOffersToConfirmItsWireTransfer() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/organizations/" + COMPANY)).willReturn(okJson("""
				{"id":"%s","name":"Anderson Imaging","createdAt":"2026-11-01T10:00:00Z"}""".formatted(COMPANY))));
		Api.stub(WireMock.get(urlPathEqualTo("/api/organizations/" + COMPANY + "/users")).willReturn(okJson("""
				{"items":[{"id":"u-1","email":"alice@anderson.example","name":"Alice Anderson","primaryContact":true}]}""")));
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders")).withQueryParam("organizationId", equalTo(COMPANY))
			.willReturn(okJson("""
					{"items":[{"id":"%s","type":"NEW_PURCHASE","status":"PENDING_PAYMENT",
					  "total":{"amount":"300.00","currency":"USD"},"createdAt":"2026-11-02T10:00:00Z"}]}""".formatted(ORDER))));
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders/" + ORDER + "/payments")).willReturn(okJson("""
				{"items":[{"id":"%s","orderId":"%s","method":"WIRE_TRANSFER","status":"PENDING","reference":"ORD-ABCDEF12",
				  "amount":{"amount":"300.00","currency":"USD"}}]}""".formatted(PAYMENT, ORDER))));
		Api.stub(WireMock.get(urlPathEqualTo("/api/licenses")).willReturn(okJson("{\"items\":[]}")));
		Api.stub(WireMock.get(urlPathEqualTo("/api/billing-currencies/" + COMPANY)).willReturn(okJson("""
				{"organizationId":"%s","currency":"EUR","chosen":true}""".formatted(COMPANY))));
		Api.stub(WireMock.get(urlPathEqualTo("/api/price-lists")).willReturn(okJson("""
				[{"currency":"EUR"},{"currency":"GBP"},{"currency":"USD"}]""")));

		mvc.perform(get("/support/companies/" + COMPANY).with(SignedIn.as("sam-token", "support")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"EUR\" selected=\"selected\">EUR</option>")))
			.andExpect(content().string(containsString("ORD-ABCDEF12")))
			.andExpect(content().string(containsString("Confirm payment received")))
			.andExpect(content().string(not(containsString("No wire transfer or check is awaiting confirmation."))));
	}

	@Test
	void supportSetsTheCurrencyACompanyPaysIn() throws Exception {
		Api.stub(WireMock.put(urlPathEqualTo("/api/billing-currencies/" + COMPANY))
			.willReturn(okJson("{\"organizationId\":\"" + COMPANY + "\",\"currency\":\"GBP\",\"chosen\":true}")));

		mvc.perform(post("/support/companies/" + COMPANY + "/currency").param("currency", "GBP")
			.with(SignedIn.as("sam-token", "support"))
			.with(csrf()))
			.andExpect(redirectedUrl("/support/companies/" + COMPANY))
			.andExpect(flash().attribute("notice", "The company pays in GBP from now on."));
		Api.SERVER.verify(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
				urlPathEqualTo("/api/billing-currencies/" + COMPANY))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{\"currency\":\"GBP\"}")));
	}

	@Test
	void confirmingAPaymentTellsTheApiAndGoesBackToTheCompany() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo("/api/orders/" + ORDER + "/payments/" + PAYMENT + "/confirm"))
			.willReturn(okJson("{\"id\":\"" + PAYMENT + "\",\"status\":\"SUCCEEDED\"}")));

		mvc.perform(post("/support/orders/" + ORDER + "/payments/" + PAYMENT + "/confirm").param("organizationId", COMPANY)
			.with(SignedIn.as("sam-token", "support"))
			.with(csrf()))
			.andExpect(redirectedUrl("/support/companies/" + COMPANY))
			.andExpect(flash().attribute("notice", containsString("ABCDEF12")));
		Api.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/orders/" + ORDER + "/payments/" + PAYMENT + "/confirm"))
			.withHeader("Authorization", equalTo("Bearer sam-token")));
	}

	@Test
	void anAccountIsRemovedOnlyAfterTheConfirmationStep() throws Exception {
		mvc.perform(get("/support/users/u-2/remove").param("email", "bob@example.com")
			.with(SignedIn.as("sam-token", "support")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Remove the account of bob@example.com?")));
		Api.SERVER.verify(0, deleteRequestedFor(urlPathEqualTo("/api/users/u-2")));

		Api.stub(WireMock.delete(urlPathEqualTo("/api/users/u-2")).willReturn(noContent()));
		mvc.perform(post("/support/users/u-2/remove").param("email", "bob@example.com")
			.with(SignedIn.as("sam-token", "support"))
			.with(csrf()))
			.andExpect(redirectedUrl("/support"))
			.andExpect(flash().attribute("notice", "The account of bob@example.com was removed."));
		Api.SERVER.verify(deleteRequestedFor(urlPathEqualTo("/api/users/u-2")));
	}

}
