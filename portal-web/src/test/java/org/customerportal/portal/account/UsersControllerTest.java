package org.customerportal.portal.account;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.customerportal.portal.support.Api;
import org.customerportal.portal.support.PortalSliceTest;
import org.customerportal.portal.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ UsersController.class, CompanyController.class })
@PortalSliceTest
class UsersControllerTest {

	static final String ORG = "/api/organizations/7f000001-0000-0000-0000-000000000001";

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
		Api.stub(WireMock.get(urlPathEqualTo(ORG)).willReturn(okJson("""
				{"id":"7f000001-0000-0000-0000-000000000001","name":"Anderson Imaging","primaryContactId":"u-1"}""")));
		Api.stub(WireMock.get(urlPathEqualTo(ORG + "/users")).willReturn(okJson("""
				{"items":[{"id":"u-1","email":"alice@example.com","name":"Alice Anderson","primaryContact":true},
				          {"id":"u-2","email":"bob@example.com","name":"Bob Brown","primaryContact":false}],
				 "page":0,"size":100,"totalItems":2}""")));
		Api.stub(WireMock.get(urlPathEqualTo(ORG + "/invitations")).willReturn(okJson("""
				{"items":[{"id":"99999999-0000-0000-0000-000000000001","email":"carol@example.com",
				  "createdAt":"2027-01-01T10:00:00Z","expiresAt":"2027-01-15T10:00:00Z"}],"page":0,"size":100,"totalItems":1}""")));
	}

	@Test
	void listsTheCompanyContactsAndPendingInvitations() throws Exception {
		mvc.perform(get("/account/users").with(SignedIn.as("alice-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Anderson Imaging"), containsString("Bob Brown"),
					containsString("bob@example.com"), containsString("Primary contact"),
					containsString("carol@example.com"), containsString("Jan 15, 2027"),
					containsString("Make primary contact"), containsString("Account Management"))))
			.andExpect(content().string(not(containsString("Only the current primary contact can assign"))));
	}

	@Test
	void othersThanThePrimaryContactAreToldWhoCanAssignOne() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo(ORG)).willReturn(okJson("""
				{"id":"7f000001-0000-0000-0000-000000000001","name":"Anderson Imaging","primaryContactId":"u-2"}""")));

		mvc.perform(get("/account/users").with(SignedIn.as("alice-token")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Only the current primary contact can assign a new primary contact.")))
			.andExpect(content().string(containsString("mailto:support@example.com")))
			.andExpect(content().string(not(containsString("Make primary contact"))));
	}

	@Test
	void aPersonWithoutACompanyIsOfferedToCreateOne() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/me")).willReturn(okJson("""
				{"id":"u-9","email":"nora@example.com","name":"Nora Newman","organizationId":null,"primaryContact":false}""")));

		mvc.perform(get("/account/users").with(SignedIn.as("nora-token")))
			.andExpect(redirectedUrl("/account/company"));
	}

	@Test
	void someoneRemovedSinceSigningInIsOfferedToCreateACompany() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo(ORG + "/users"))
			.willReturn(Api.problem(404, "There is no organization with this id, or you are not a member of it.")));
		MockHttpSession session = new MockHttpSession();
		mvc.perform(get("/account/company").session(session).with(SignedIn.as("alice-token")))
			.andExpect(redirectedUrl("/account/users"));
		Api.stub(WireMock.get(urlPathEqualTo("/api/me")).willReturn(okJson("""
				{"id":"u-1","email":"alice@example.com","name":"Alice Anderson","organizationId":null,"primaryContact":false}""")));

		mvc.perform(get("/account/users").session(session).with(SignedIn.as("alice-token")))
			.andExpect(redirectedUrl("/account/company"));
	}

	@Test
	void invitesAPersonAndSaysSo() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo(ORG + "/invitations")).willReturn(okJson("{}").withStatus(201)));

		mvc.perform(post("/account/users/invitations").with(SignedIn.as("alice-token")).with(csrf())
			.param("email", " dave@example.com "))
			.andExpect(redirectedUrl("/account/users"))
			.andExpect(flash().attribute("notice", "We have sent an invitation to dave@example.com."));

		Api.SERVER.verify(postRequestedFor(urlPathEqualTo(ORG + "/invitations"))
			.withHeader("Authorization", equalTo("Bearer alice-token"))
			.withRequestBody(equalToJson("{\"email\":\"dave@example.com\"}")));
	}

	@Test
	void theApisRefusalOfAnInvitationIsShownNextToTheAddress() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo(ORG + "/invitations"))
			.willReturn(Api.problem(409, "bob@example.com is already a member of this organization.")));

		mvc.perform(post("/account/users/invitations").with(SignedIn.as("alice-token")).with(csrf())
			.param("email", "bob@example.com"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("href=\"#email\"")))
			.andExpect(content().string(containsString("id=\"email-error\"")))
			.andExpect(content().string(containsString("bob@example.com is already a member of this organization.")))
			.andExpect(content().string(containsString("value=\"bob@example.com\"")));
	}

	@Test
	void anEmptyAddressIsNotSent() throws Exception {
		mvc.perform(post("/account/users/invitations").with(SignedIn.as("alice-token")).with(csrf()).param("email", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the e-mail address of the person to invite")));

		Api.SERVER.verify(0, postRequestedFor(urlPathEqualTo(ORG + "/invitations")));
	}

	@Test
	void removingIsAskedOnceMoreNamingThePerson() throws Exception {
		mvc.perform(get("/account/users/u-2/remove").with(SignedIn.as("alice-token")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Remove Bob Brown?"), containsString("bob@example.com"),
					containsString("action=\"/account/users/u-2/remove\""), containsString("href=\"/account/users\""))));
		mvc.perform(get("/account/users/u-7/remove").with(SignedIn.as("alice-token"))).andExpect(status().isNotFound());

		Api.SERVER.verify(0, WireMock.deleteRequestedFor(urlPathEqualTo(ORG + "/users/u-2")));
	}

	@Test
	void removesAMember() throws Exception {
		Api.stub(WireMock.delete(urlPathEqualTo(ORG + "/users/u-2")).willReturn(noContent()));

		mvc.perform(post("/account/users/u-2/remove").with(SignedIn.as("alice-token")).with(csrf()).param("name", "Bob Brown"))
			.andExpect(redirectedUrl("/account/users"))
			.andExpect(flash().attribute("notice", "Bob Brown is no longer a contact of your company."));

		Api.SERVER.verify(deleteRequestedFor(urlPathEqualTo(ORG + "/users/u-2")));
	}

	@Test
	void theRefusalToRemoveThePrimaryContactIsShownOnTheList() throws Exception {
		String sentence = "The primary contact cannot be removed or leave the organization until another primary contact is assigned.";
		Api.stub(WireMock.delete(urlPathEqualTo(ORG + "/users/u-2")).willReturn(Api.problem(422, sentence)));

		mvc.perform(post("/account/users/u-2/remove").with(SignedIn.as("alice-token")).with(csrf()).param("name", "Bob Brown"))
			.andExpect(redirectedUrl("/account/users"))
			.andExpect(flash().attribute("refusal", sentence));

		mvc.perform(get("/account/users").with(SignedIn.as("alice-token")).flashAttr("refusal", sentence))
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString(sentence)));
	}

	@Test
	void handsThePrimaryContactRoleOn() throws Exception {
		Api.stub(WireMock.put(urlPathEqualTo(ORG + "/primary-contact")).willReturn(okJson("{}")));

		mvc.perform(post("/account/users/primary-contact").with(SignedIn.as("alice-token")).with(csrf())
			.param("userId", "u-2")
			.param("name", "Bob Brown"))
			.andExpect(redirectedUrl("/account/users"))
			.andExpect(flash().attribute("notice", "Bob Brown is now the primary contact."));

		Api.SERVER.verify(putRequestedFor(urlPathEqualTo(ORG + "/primary-contact"))
			.withRequestBody(equalToJson("{\"userId\":\"u-2\"}")));
	}

	@Test
	void createsACompanyAccount() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo("/api/me")).willReturn(okJson("""
				{"id":"u-9","email":"nora@example.com","name":"Nora Newman","organizationId":null,"primaryContact":false}""")));
		Api.stub(WireMock.post(urlPathEqualTo("/api/organizations")).willReturn(okJson("""
				{"id":"7f000001-0000-0000-0000-000000000009","name":"Newman Labs","primaryContactId":"u-9"}""").withStatus(201)));

		mvc.perform(get("/account/company").with(SignedIn.as("nora-token")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Company name")));
		mvc.perform(post("/account/company").with(SignedIn.as("nora-token")).with(csrf()).param("name", "Newman Labs "))
			.andExpect(redirectedUrl("/account/users"))
			.andExpect(flash().attribute("notice", "The company account Newman Labs is ready. You are its primary contact."));

		Api.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/organizations"))
			.withRequestBody(equalToJson("{\"name\":\"Newman Labs\"}")));
	}

	@Test
	void theApisRefusalOfANewCompanyIsShownNextToTheName() throws Exception {
		String sentence = "You already belong to an organization. Leave it before creating a new one.";
		Api.stub(WireMock.get(urlPathEqualTo("/api/me")).willReturn(okJson("""
				{"id":"u-9","email":"nora@example.com","name":"Nora Newman","organizationId":null,"primaryContact":false}""")));
		Api.stub(WireMock.post(urlPathEqualTo("/api/organizations")).willReturn(Api.problem(409, sentence)));

		mvc.perform(post("/account/company").with(SignedIn.as("nora-token")).with(csrf()).param("name", "Newman Labs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"name-error\"")))
			.andExpect(content().string(containsString(sentence)))
			.andExpect(content().string(containsString("value=\"Newman Labs\"")));
	}

	@Test
	void someoneWithACompanyIsSentToItsUsers() throws Exception {
		mvc.perform(get("/account/company").with(SignedIn.as("alice-token"))).andExpect(redirectedUrl("/account/users"));
	}

}
