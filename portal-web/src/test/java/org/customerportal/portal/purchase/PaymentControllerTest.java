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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(PaymentController.class)
@PortalSliceTest
class PaymentControllerTest {

	static final String ID = PurchaseControllerTest.ORDER_ID;

	static final String PAYMENT = "/orders/" + ID + "/payment";

	static final String API_PAYMENTS = "/api/orders/" + ID + "/payments";

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders/" + ID)).willReturn(okJson("""
				{"id":"abcdef12-0000-0000-0000-000000000001","type":"NEW_PURCHASE","status":"PENDING_PAYMENT",
				 "total":{"amount":"6245.00","currency":"USD"}}""")));
	}

	@Test
	void offersTheFourMethodsWithAKeyAgainstDoubleSubmits() throws Exception {
		mvc.perform(get(PAYMENT).with(SignedIn.as("alice-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("How do you want to pay?")))
			.andExpect(content().string(containsString("Order ABCDEF12, total $6,245.00")))
			.andExpect(content().string(containsString("We accept credit card, PayPal, wire transfer, and check.")))
			.andExpect(content().string(containsString("for=\"method\">Credit card</label>")))
			.andExpect(content().string(containsString("for=\"method-PAYPAL\">PayPal</label>")))
			.andExpect(content().string(containsString("for=\"method-WIRE_TRANSFER\">Wire transfer</label>")))
			.andExpect(content().string(containsString("for=\"method-CHECK\">Check</label>")))
			.andExpect(content().string(matchesPattern("(?s).*name=\"idempotencyKey\" value=\"[0-9a-f-]{36}\".*")));
	}

	@Test
	void aWireTransferGoesToTheOrdersPageForItsInstructions() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo(API_PAYMENTS)).willReturn(created("""
				{"id":"55555555-0000-0000-0000-000000000005","method":"WIRE_TRANSFER","status":"PENDING",
				 "instructions":"Transfer USD 6245.00 quoting reference ORD-ABCDEF12."}""")));

		mvc.perform(post(PAYMENT).param("method", "WIRE_TRANSFER").param("idempotencyKey", "key-7")
			.with(SignedIn.as("alice-token"))
			.with(csrf())).andExpect(redirectedUrl("/orders/" + ID));

		Api.SERVER.verify(postRequestedFor(urlPathEqualTo(API_PAYMENTS))
			.withHeader("Idempotency-Key", equalTo("key-7"))
			.withHeader("Authorization", equalTo("Bearer alice-token"))
			.withRequestBody(equalToJson("{\"method\":\"WIRE_TRANSFER\"}")));
	}

	@Test
	void aCardIsPaidOnTheProvidersPage() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo(API_PAYMENTS)).willReturn(created("""
				{"id":"66666666-0000-0000-0000-000000000006","method":"CREDIT_CARD","status":"PENDING",
				 "redirectUrl":"https://pay.example.com/checkout/66666666"}""")));

		mvc.perform(post(PAYMENT).param("method", "CREDIT_CARD").param("idempotencyKey", "key-8")
			.with(SignedIn.as("alice-token"))
			.with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "https://pay.example.com/checkout/66666666"));

		Api.SERVER.verify(postRequestedFor(urlPathEqualTo(API_PAYMENTS))
			.withRequestBody(equalToJson("{\"method\":\"CREDIT_CARD\",\"returnUrl\":\"http://localhost/orders/" + ID + "\"}")));
	}

	@Test
	void noMethodChosenIsAskedForWithoutPaying() throws Exception {
		mvc.perform(post(PAYMENT).param("idempotencyKey", "key-9").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"#method\">Choose how you want to pay</a>")))
			.andExpect(content().string(containsString("value=\"key-9\"")));

		Api.SERVER.verify(0, postRequestedFor(urlPathEqualTo(API_PAYMENTS)));
	}

	@Test
	void aRefusedPaymentShowsTheApisSentenceAtTheMethods() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo(API_PAYMENTS)).willReturn(Api.problem(409, "This order is already paid.")));

		mvc.perform(post(PAYMENT).param("method", "CHECK").param("idempotencyKey", "key-10")
			.with(SignedIn.as("alice-token"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"#method\">This order is already paid.</a>")))
			.andExpect(content().string(matchesPattern("(?s).*value=\"CHECK\"[^>]*checked.*")));
	}

	@Test
	void aPaidOrderHasNothingToPay() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders/" + ID))
			.willReturn(okJson("{\"id\":\"" + ID + "\",\"status\":\"PAID\"}")));

		mvc.perform(get(PAYMENT).with(SignedIn.as("alice-token"))).andExpect(redirectedUrl("/orders/" + ID));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String body) {
		return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(body);
	}

}
