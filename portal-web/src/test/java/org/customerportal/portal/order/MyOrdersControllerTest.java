package org.customerportal.portal.order;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.customerportal.portal.support.Api;
import org.customerportal.portal.support.PortalSliceTest;
import org.customerportal.portal.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(MyOrdersController.class)
@PortalSliceTest
class MyOrdersControllerTest {

	static final String TWO_ORDERS = """
			{"items":[
			  {"id":"abcdef12-0000-0000-0000-000000000001","type":"NEW_PURCHASE","status":"PENDING_PAYMENT",
			   "total":{"amount":"6245.00","currency":"USD"},"createdAt":"2026-12-01T10:00:00Z"},
			  {"id":"12345678-0000-0000-0000-000000000002","type":"RENEWAL","status":"PAID",
			   "total":{"amount":"899.00","currency":"USD"},"createdAt":"2026-11-03T10:00:00Z"}],
			 "page":0,"size":20,"totalItems":2}""";

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
	}

	@Test
	void listsTheOrdersWithReferenceTypeStatusTotalAndDate() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders")).willReturn(okJson(TWO_ORDERS)));

		mvc.perform(get("/orders").with(SignedIn.as("alice-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">My Orders</h1>")))
			.andExpect(content().string(containsString("href=\"/orders/abcdef12-0000-0000-0000-000000000001\">ABCDEF12</a>")))
			.andExpect(content().string(containsString("New purchase")))
			.andExpect(content().string(containsString("Awaiting payment")))
			.andExpect(content().string(containsString("$6,245.00")))
			.andExpect(content().string(containsString("Dec 1, 2026")))
			.andExpect(content().string(allOf(containsString("Renewal"), containsString(">Paid<"), containsString("12345678"))))
			.andExpect(content().string(not(containsString("Next page"))))
			// a plain GET form; htmx, when it runs, replaces the results only
			.andExpect(content().string(containsString("action=\"/orders\" method=\"get\"")))
			.andExpect(content().string(containsString("hx-select=\"#orders-results\"")));

		Api.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/orders")).withQueryParam("status", absent())
			.withQueryParam("page", equalTo("0"))
			.withHeader("Authorization", equalTo("Bearer alice-token")));
	}

	@Test
	void filtersByStatusAndKeepsTheFilterInThePagingLinks() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders")).willReturn(okJson("""
				{"items":[{"id":"12345678-0000-0000-0000-000000000002","type":"RENEWAL","status":"PAID",
				  "total":{"amount":"899.00","currency":"USD"},"createdAt":"2026-11-03T10:00:00Z"}],
				 "page":1,"size":20,"totalItems":45}""")));

		mvc.perform(get("/orders?status=PAID&page=1").with(SignedIn.as("alice-token")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"PAID\" selected=\"selected\">Paid</option>")))
			.andExpect(content().string(containsString("href=\"/orders?status=PAID&amp;page=0\"")))
			.andExpect(content().string(containsString("href=\"/orders?status=PAID&amp;page=2\"")))
			.andExpect(content().string(containsString("Page 2 of 3")));

		Api.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/orders")).withQueryParam("status", equalTo("PAID"))
			.withQueryParam("page", equalTo("1")));
	}

	@Test
	void anUnknownStatusIsNoFilterAndNoOrdersSaySo() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders")).willReturn(okJson("{\"items\":[],\"page\":0,\"size\":20,\"totalItems\":0}")));

		mvc.perform(get("/orders?status=LOST").with(SignedIn.as("alice-token")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You have no orders yet.")))
			.andExpect(content().string(containsString("href=\"/purchase\"")));

		Api.SERVER.verify(getRequestedFor(urlPathEqualTo("/api/orders")).withQueryParam("status", absent()));
	}

}
