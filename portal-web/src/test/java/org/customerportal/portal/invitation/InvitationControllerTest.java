package org.customerportal.portal.invitation;

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
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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

@WebMvcTest(InvitationController.class)
@PortalSliceTest
class InvitationControllerTest {

	static final String ID = "99999999-0000-0000-0000-000000000001";

	static final String LINK = "/invitations/" + ID;

	static final String API = "/api/invitations/" + ID;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
		Api.stub(WireMock.get(urlPathEqualTo("/api/me")).willReturn(okJson("""
				{"id":"u-9","email":"nora@example.com","name":"Nora Newman","organizationId":null,"primaryContact":false}""")));
		invitation("PENDING");
	}

	static void invitation(String status) {
		Api.stub(WireMock.get(urlPathEqualTo(API)).withQueryParam("token", equalTo("secret")).willReturn(okJson("""
				{"id":"%s","organizationId":"7f000001-0000-0000-0000-000000000001","organizationName":"Anderson Imaging",
				 "invitedByName":"Alice Anderson","email":"nora@example.com","status":"%s","expiresAt":"2027-01-15T10:00:00Z"}"""
			.formatted(ID, status))));
	}

	@Test
	void aStrangerIsOfferedToCreateAnAccountOrSignIn() throws Exception {
		mvc.perform(get(LINK).param("token", "secret"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You have been invited to join a company account")))
			.andExpect(content().string(containsString("href=\"" + LINK + "/join?token=secret&amp;register=\"")))
			.andExpect(content().string(containsString("href=\"" + LINK + "/join?token=secret\"")))
			// nothing is asked of the API before the person has signed in
			.andExpect(content().string(not(containsString("Anderson Imaging"))));
	}

	@Test
	void creatingAnAccountGoesToKeycloaksRegistrationAndSigningInToItsSignIn() throws Exception {
		mvc.perform(get(LINK + "/join").param("token", "secret").param("register", "").accept("text/html"))
			.andExpect(redirectedUrl("/oauth2/authorization/keycloak?register"));
		mvc.perform(get(LINK + "/join").param("token", "secret").accept("text/html"))
			.andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
	}

	@Test
	void onceSignedInJoinLeadsBackToTheInvitation() throws Exception {
		mvc.perform(get(LINK + "/join").param("token", "secret").param("register", "").with(SignedIn.as("nora-token")))
			.andExpect(redirectedUrl(LINK + "?token=secret"));
	}

	@Test
	void showsWhoInvitesToWhichCompany() throws Exception {
		mvc.perform(get(LINK).param("token", "secret").with(SignedIn.as("nora-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Join Anderson Imaging"),
					containsString("Alice Anderson invites you to join the company account of Anderson Imaging."),
					containsString("nora@example.com"), containsString("Jan 15, 2027"),
					containsString("Accept invitation"), containsString("name=\"token\" value=\"secret\""))));
	}

	@Test
	void acceptingJoinsTheCompany() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo(API + "/accept")).willReturn(okJson("""
				{"id":"7f000001-0000-0000-0000-000000000001","name":"Anderson Imaging"}""")));

		mvc.perform(post(LINK + "/accept").with(SignedIn.as("nora-token")).with(csrf()).param("token", "secret"))
			.andExpect(redirectedUrl("/account/users"))
			.andExpect(flash().attribute("notice", "You have joined Anderson Imaging."));

		Api.SERVER.verify(postRequestedFor(urlPathEqualTo(API + "/accept"))
			.withHeader("Authorization", equalTo("Bearer nora-token"))
			.withRequestBody(equalToJson("{\"token\":\"secret\"}")));
	}

	@Test
	void anExpiredInvitationSaysSo() throws Exception {
		invitation("EXPIRED");

		mvc.perform(get(LINK).param("token", "secret").with(SignedIn.as("nora-token")))
			.andExpect(content().string(containsString("This invitation has expired")))
			.andExpect(content().string(containsString("Ask a member of Anderson Imaging to invite you again.")))
			.andExpect(content().string(not(containsString("Accept invitation"))));
	}

	@Test
	void anInvitationThatExpiresWhileOpenSaysSoOnAccepting() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo(API + "/accept"))
			.willReturn(Api.problem(410, "This invitation has expired. Ask a member of the organization to invite you again.")));

		mvc.perform(post(LINK + "/accept").with(SignedIn.as("nora-token")).with(csrf()).param("token", "secret"))
			.andExpect(content().string(containsString("This invitation has expired")))
			.andExpect(content().string(not(containsString("Accept invitation"))));
	}

	@Test
	void aUsedInvitationSaysSo() throws Exception {
		invitation("ACCEPTED");

		mvc.perform(get(LINK).param("token", "secret").with(SignedIn.as("nora-token")))
			.andExpect(content().string(containsString("This invitation has already been used")))
			.andExpect(content().string(not(containsString("Accept invitation"))));
	}

	@Test
	void aUsedInvitationTellsItsMemberWhereToGo() throws Exception {
		Api.reset(); // Alice, a member of Anderson Imaging
		invitation("ACCEPTED");

		mvc.perform(get(LINK).param("token", "secret").with(SignedIn.as("alice-token")))
			.andExpect(content().string(containsString("You are a member of Anderson Imaging.")))
			.andExpect(content().string(containsString("href=\"/account/users\"")));
	}

	@Test
	void anInvitationUsedInTheMeantimeSaysSoOnAccepting() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo(API + "/accept"))
			.willReturn(Api.problem(409, "This invitation has already been accepted.")));
		invitation("ACCEPTED");

		mvc.perform(post(LINK + "/accept").with(SignedIn.as("nora-token")).with(csrf()).param("token", "secret"))
			.andExpect(content().string(containsString("This invitation has already been used")));
	}

	@Test
	void theWrongAddressIsExplainedWithAWayToSignOut() throws Exception {
		String sentence = "This invitation was sent to a different e-mail address. Sign in with the address that received it.";
		Api.stub(WireMock.get(urlPathEqualTo("/api/me")).willReturn(okJson("""
				{"id":"u-8","email":"other@example.com","name":"Otto Other","organizationId":null,"primaryContact":false}""")));
		Api.stub(WireMock.post(urlPathEqualTo(API + "/accept")).willReturn(Api.problem(403, sentence)));

		mvc.perform(post(LINK + "/accept").with(SignedIn.as("otto-token")).with(csrf()).param("token", "secret"))
			.andExpect(content().string(allOf(containsString("This invitation is for another e-mail address"),
					containsString(sentence), containsString("nora@example.com"), containsString("other@example.com"),
					containsString("action=\"/logout\""))));
	}

	@Test
	void someoneInAnotherCompanyIsToldTheApisSentence() throws Exception {
		String sentence = "You already belong to another organization. Leave it before accepting this invitation.";
		Api.stub(WireMock.post(urlPathEqualTo(API + "/accept")).willReturn(Api.problem(409, sentence)));

		mvc.perform(post(LINK + "/accept").with(SignedIn.as("nora-token")).with(csrf()).param("token", "secret"))
			.andExpect(content().string(containsString("You cannot accept this invitation")))
			.andExpect(content().string(containsString(sentence)));
	}

	@Test
	void aWrongTokenIsALinkThatDoesNotWork() throws Exception {
		String sentence = "This invitation does not exist or the link is incomplete. Open the link from the invitation e-mail again.";
		Api.stub(WireMock.get(urlPathEqualTo(API)).withQueryParam("token", equalTo("forged")).willReturn(Api.problem(404, sentence)));

		mvc.perform(get(LINK).param("token", "forged").with(SignedIn.as("nora-token")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This invitation link does not work")))
			.andExpect(content().string(containsString(sentence)));
	}

}
