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
import org.springframework.test.web.servlet.MvcResult;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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

@WebMvcTest(OrderController.class)
@PortalSliceTest
class OrderControllerTest {

	static final String ID = "abcdef12-0000-0000-0000-000000000001";

	static final String PENDING = """
			{"id":"abcdef12-0000-0000-0000-000000000001","type":"NEW_PURCHASE","status":"PENDING_PAYMENT",
			 "paymentMethod":"WIRE_TRANSFER","createdAt":"2026-12-01T10:00:00Z","total":{"amount":"6245.00","currency":"USD"},
			 "lines":[{"product":"BARCODE-READER","productName":"Barcode Reader SDK","licenseType":"ANNUAL","quota":5,
			   "unitPrice":{"amount":"1249.00","currency":"USD"},"amount":{"amount":"6245.00","currency":"USD"}}]}""";

	static final String PAID = """
			{"id":"abcdef12-0000-0000-0000-000000000001","type":"NEW_PURCHASE","status":"PAID","paymentMethod":"CREDIT_CARD",
			 "createdAt":"2026-12-01T10:00:00Z","paidAt":"2026-12-01T10:05:00Z","total":{"amount":"6245.00","currency":"USD"},
			 "lines":[{"product":"BARCODE-READER","productName":"Barcode Reader SDK","licenseType":"ANNUAL","quota":5,
			   "licenseId":"99999999-0000-0000-0000-000000000009",
			   "unitPrice":{"amount":"1249.00","currency":"USD"},"amount":{"amount":"6245.00","currency":"USD"}}]}""";

	static final String WIRE_PAYMENT = """
			{"items":[{"id":"55555555-0000-0000-0000-000000000005","method":"WIRE_TRANSFER","status":"PENDING",
			  "amount":{"amount":"6245.00","currency":"USD"},"reference":"ORD-ABCDEF12",
			  "instructions":"Transfer USD 6245.00 to our bank account quoting reference ORD-ABCDEF12."}],
			 "page":0,"size":100,"totalItems":1}""";

	static final String NO_PAYMENTS = "{\"items\":[],\"page\":0,\"size\":100,\"totalItems\":0}";

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
	}

	private static void order(String order, String payments) {
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders/" + ID)).willReturn(okJson(order)));
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders/" + ID + "/payments")).willReturn(okJson(payments)));
	}

	@Test
	void anOrderAwaitingAWireTransferShowsItsInstructionsAndOffersToPayOrCancel() throws Exception {
		order(PENDING, WIRE_PAYMENT);

		mvc.perform(get("/orders/" + ID).with(SignedIn.as("alice-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Order ABCDEF12</h1>")))
			.andExpect(content().string(containsString("Awaiting payment")))
			.andExpect(content().string(containsString("How to pay by wire transfer")))
			.andExpect(content().string(containsString("Transfer USD 6245.00 to our bank account quoting reference ORD-ABCDEF12.")))
			.andExpect(content().string(containsString("Barcode Reader SDK")))
			.andExpect(content().string(containsString("$1,249.00")))
			.andExpect(content().string(containsString("$6,245.00")))
			.andExpect(content().string(containsString("href=\"/orders/" + ID + "/payment\"")))
			.andExpect(content().string(containsString("Pay this order")))
			.andExpect(content().string(containsString("action=\"/orders/" + ID + "/cancel\"")))
			.andExpect(content().string(containsString("href=\"/orders/" + ID + "/contacts\">Manage Contacts</a>")))
			.andExpect(content().string(not(containsString("hx-trigger"))));
	}

	@Test
	void aPaidOrderLinksItsLicensesAndOffersNeitherPayingNorCancelling() throws Exception {
		order(PAID, NO_PAYMENTS);

		mvc.perform(get("/orders/" + ID).with(SignedIn.as("alice-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Paid<")))
			.andExpect(content().string(containsString("Dec 1, 2026, 10:05 AM UTC")))
			.andExpect(content().string(containsString("Credit card")))
			.andExpect(content().string(containsString("href=\"/licenses/99999999-0000-0000-0000-000000000009\"")))
			.andExpect(content().string(not(containsString("Pay this order"))))
			.andExpect(content().string(not(containsString("Cancel order"))));
	}

	@Test
	void backFromTheProvidersPageItSaysThePaymentWasReceivedAndWatchesForThePaidState() throws Exception {
		order(PENDING, NO_PAYMENTS);

		mvc.perform(get("/orders/" + ID + "?payment=succeeded").with(SignedIn.as("alice-token")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Payment received")))
			.andExpect(content().string(containsString("hx-trigger=\"every 2s\"")))
			.andExpect(content().string(containsString("hx-get=\"/orders/" + ID + "?payment=succeeded\"")))
			.andExpect(content().string(containsString(">Refresh</a>")))
			.andExpect(content().string(not(containsString("Cancel order"))));

		order(PAID, NO_PAYMENTS);
		mvc.perform(get("/orders/" + ID + "?payment=succeeded").with(SignedIn.as("alice-token")))
			.andExpect(content().string(containsString("Payment received")))
			.andExpect(content().string(not(containsString("hx-trigger"))));
	}

	@Test
	void aDeclinedPaymentSaysSoAndOffersToPayAgain() throws Exception {
		order(PENDING, NO_PAYMENTS);

		mvc.perform(get("/orders/" + ID + "?payment=declined").with(SignedIn.as("alice-token")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your payment was declined")))
			.andExpect(content().string(containsString("Pay this order")))
			.andExpect(content().string(not(containsString("hx-trigger"))));
	}

	@Test
	void cancellingAPaidOrderShowsTheApisSentence() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo("/api/orders/" + ID + "/cancel"))
			.willReturn(Api.problem(409, "This order is paid and can no longer be cancelled.")));

		MvcResult result = mvc.perform(post("/orders/" + ID + "/cancel").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(redirectedUrl("/orders/" + ID))
			.andExpect(flash().attribute("refusal", "This order is paid and can no longer be cancelled."))
			.andReturn();

		order(PAID, NO_PAYMENTS);
		mvc.perform(get("/orders/" + ID).with(SignedIn.as("alice-token")).flashAttrs(result.getFlashMap()))
			.andExpect(content().string(containsString("This order is paid and can no longer be cancelled.")));
		Api.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/orders/" + ID + "/cancel"))
			.withHeader("Authorization", equalTo("Bearer alice-token")));
	}

	@Test
	void cancellingAnUnpaidOrderSaysItWasCancelled() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo("/api/orders/" + ID + "/cancel"))
			.willReturn(okJson(PENDING.replace("PENDING_PAYMENT", "CANCELLED"))));

		mvc.perform(post("/orders/" + ID + "/cancel").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(redirectedUrl("/orders/" + ID))
			.andExpect(flash().attribute("notice", "Order ABCDEF12 was cancelled."));
	}

	@Test
	void someoneElsesOrderIsNotFound() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders/" + ID))
			.willReturn(Api.problem(404, "There is no such order, or you are not one of its contacts.")));

		mvc.perform(get("/orders/" + ID).with(SignedIn.as("alice-token")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Page not found")));
	}

}
