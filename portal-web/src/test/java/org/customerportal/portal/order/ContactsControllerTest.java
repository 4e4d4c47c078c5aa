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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ContactsController.class)
@PortalSliceTest
class ContactsControllerTest {

	static final String ID = OrderControllerTest.ID;

	static final String CONTACTS = "/orders/" + ID + "/contacts";

	static final String NOT_LINKED = "carol@example.com is not linked to your organization and cannot be added to Contacts.";

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders/" + ID)).willReturn(okJson(OrderControllerTest.PENDING)));
		Api.stub(WireMock.get(urlPathEqualTo("/api/orders/" + ID + "/contacts")).willReturn(okJson("""
				{"items":[{"userId":"u-1","email":"alice@example.com","addedAt":"2026-12-01T10:00:00Z"},
				          {"userId":"u-2","email":"bob@example.com","addedAt":"2026-12-02T10:00:00Z"}],
				 "page":0,"size":100,"totalItems":2}""")));
	}

	@Test
	void listsTheContactsUnderTheFaqsBreadcrumb() throws Exception {
		mvc.perform(get(CONTACTS).with(SignedIn.as("alice-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern("(?s).*>Order</li>.*>My Orders</a>.*>Order ABCDEF12</a>.*aria-current=\"page\">Manage Contacts</li>.*")))
			.andExpect(content().string(containsString("alice@example.com")))
			.andExpect(content().string(containsString("bob@example.com")))
			.andExpect(content().string(containsString("Dec 2, 2026")))
			.andExpect(content().string(containsString("action=\"" + CONTACTS + "/u-2/remove\"")))
			.andExpect(content().string(containsString("aria-label=\"Remove bob@example.com\"")))
			.andExpect(content().string(containsString("<label class=\"govuk-label\" for=\"email\">E-mail address</label>")));
	}

	@Test
	void someoneOutsideTheCompanyIsRefusedWithTheApisSentenceNextToTheField() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo("/api/orders/" + ID + "/contacts")).willReturn(Api.problem(422, NOT_LINKED)));

		mvc.perform(post(CONTACTS).param("email", "carol@example.com").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("<a href=\"#email\">" + NOT_LINKED + "</a>")))
			.andExpect(content().string(matchesPattern("(?s).*id=\"email-error\">.*" + NOT_LINKED.replace(".", "\\.") + ".*")))
			.andExpect(content().string(containsString("value=\"carol@example.com\"")))
			.andExpect(content().string(containsString("govuk-form-group--error")));

		Api.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/orders/" + ID + "/contacts"))
			.withRequestBody(equalToJson("{\"email\":\"carol@example.com\"}")));
	}

	@Test
	void anEmptyAddressIsAskedForWithoutCallingTheApi() throws Exception {
		mvc.perform(post(CONTACTS).param("email", "  ").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the e-mail address of the person to add")));

		Api.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/orders/" + ID + "/contacts")));
	}

	@Test
	void aMemberIsAddedAndTheListSaysSo() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo("/api/orders/" + ID + "/contacts")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"userId\":\"u-2\",\"email\":\"bob@example.com\",\"addedAt\":\"2026-12-02T10:00:00Z\"}")));

		mvc.perform(post(CONTACTS).param("email", " bob@example.com ").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(redirectedUrl(CONTACTS))
			.andExpect(flash().attribute("notice", "bob@example.com was added to the contacts of this order."));

		Api.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/orders/" + ID + "/contacts"))
			.withRequestBody(equalToJson("{\"email\":\"bob@example.com\"}")));
	}

	@Test
	void aContactIsRemoved() throws Exception {
		Api.stub(WireMock.delete(urlPathEqualTo("/api/orders/" + ID + "/contacts/u-2")).willReturn(aResponse().withStatus(204)));

		mvc.perform(post(CONTACTS + "/u-2/remove").param("email", "bob@example.com").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(redirectedUrl(CONTACTS))
			.andExpect(flash().attribute("notice", "bob@example.com was removed from the contacts of this order."));

		Api.SERVER.verify(deleteRequestedFor(urlPathEqualTo("/api/orders/" + ID + "/contacts/u-2")));
	}

	@Test
	void theLastContactCannotBeRemovedAndThePageSaysWhy() throws Exception {
		String last = "The last contact of an order cannot be removed. Add another contact first.";
		Api.stub(WireMock.delete(urlPathEqualTo("/api/orders/" + ID + "/contacts/u-1")).willReturn(Api.problem(422, last)));

		MvcResult result = mvc
			.perform(post(CONTACTS + "/u-1/remove").param("email", "alice@example.com").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(redirectedUrl(CONTACTS))
			.andExpect(flash().attribute("refusal", last))
			.andReturn();

		mvc.perform(get(CONTACTS).with(SignedIn.as("alice-token")).flashAttrs(result.getFlashMap()))
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString(last)));
	}

}
