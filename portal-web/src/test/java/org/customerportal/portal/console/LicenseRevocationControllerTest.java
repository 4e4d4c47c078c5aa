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
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
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

@WebMvcTest(LicenseRevocationController.class)
@PortalSliceTest
class LicenseRevocationControllerTest {

	static final String LICENSE = "1c000001-0000-0000-0000-000000000001";

	static final String ACTIVE = """
			{"id":"%s","key":"ABCD-EFGH","organizationId":"7f000001-0000-0000-0000-000000000001","product":"MRZ-SCANNER",
			 "type":"ANNUAL","productVersion":3,"quota":2,"quotaUsed":0,"validFrom":"2026-01-01","expiresAt":"2027-01-01",
			 "status":"%s","revokedAt":%s,"revocationReason":%s}""";

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
	}

	private static void license(String status, String revokedAt, String reason) {
		Api.stub(WireMock.get(urlPathEqualTo("/api/licenses/" + LICENSE))
			.willReturn(okJson(ACTIVE.formatted(LICENSE, status, revokedAt, reason))));
	}

	@Test
	void customersDoNotReachIt() throws Exception {
		mvc.perform(get("/support/licenses/" + LICENSE).with(SignedIn.as("alice-token", "customer")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aRevocationNeedsAReasonThenTellsTheApi() throws Exception {
		license("ACTIVE", "null", "null");
		mvc.perform(post("/support/licenses/" + LICENSE + "/revocation").param("reason", " ")
			.with(SignedIn.as("sam-token", "support"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Enter the reason for revoking the licence"),
					containsString("href=\"#reason\""), containsString("govuk-textarea--error"))));
		Api.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/licenses/" + LICENSE + "/revocation")));

		Api.stub(WireMock.post(urlPathEqualTo("/api/licenses/" + LICENSE + "/revocation"))
			.willReturn(okJson(ACTIVE.formatted(LICENSE, "REVOKED", "\"2026-12-03T10:00:00Z\"", "\"Chargeback\""))));
		mvc.perform(post("/support/licenses/" + LICENSE + "/revocation").param("reason", "Chargeback")
			.with(SignedIn.as("sam-token", "support"))
			.with(csrf()))
			.andExpect(redirectedUrl("/support/licenses/" + LICENSE))
			.andExpect(flash().attribute("notice", containsString("The licence is revoked")));
		Api.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/licenses/" + LICENSE + "/revocation"))
			.withRequestBody(equalToJson("{\"reason\":\"Chargeback\"}")));
	}

	@Test
	void aRevokedLicenseShowsItsReasonAndOffersToReinstateIt() throws Exception {
		license("REVOKED", "\"2026-12-03T10:00:00Z\"", "\"Chargeback\"");
		mvc.perform(get("/support/licenses/" + LICENSE).with(SignedIn.as("sam-token", "support")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Chargeback"), containsString("Reinstate licence"),
					not(containsString("Revoke licence")))));

		Api.stub(WireMock.delete(urlPathEqualTo("/api/licenses/" + LICENSE + "/revocation")).willReturn(noContent()));
		mvc.perform(post("/support/licenses/" + LICENSE + "/reinstatement").with(SignedIn.as("sam-token", "support"))
			.with(csrf()))
			.andExpect(redirectedUrl("/support/licenses/" + LICENSE))
			.andExpect(flash().attribute("notice", "The licence is reinstated: its key validates again."));
		Api.SERVER.verify(deleteRequestedFor(urlPathEqualTo("/api/licenses/" + LICENSE + "/revocation")));
	}

}
