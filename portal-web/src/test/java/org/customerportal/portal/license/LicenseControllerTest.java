package org.customerportal.portal.license;

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
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LicenseController.class)
@PortalSliceTest
class LicenseControllerTest {

	static final String ID = "11111111-1111-1111-1111-111111111111";

	static final String PATH = "/api/licenses/" + ID;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void api() {
		Api.reset();
		Api.stub(WireMock.get(urlPathEqualTo(PATH)).willReturn(okJson("""
				{"id":"%s","key":"AAAA-BBBB-CCCC-DDDD-EEEE-FFFF","orderId":"abcdef12-3456-0000-0000-000000000000",
				 "product":"LABEL-RECOGNIZER","type":"PERPETUAL","productVersion":3,"quota":5,"quotaUsed":2,
				 "validFrom":"2025-02-01","maintenanceExpiresAt":"2027-02-01","status":"ACTIVE"}""".formatted(ID))));
		Api.stub(WireMock.get(urlPathEqualTo(PATH + "/upgrade-eligibility")).willReturn(okJson("""
				{"eligible":true,"reason":"Maintenance is valid until 2027-02-01, so upgrades are free.","currentVersion":3,"latestVersion":4}""")));
		Api.stub(WireMock.get(urlPathEqualTo(PATH + "/activations")).willReturn(okJson("""
				{"items":[{"deviceId":"scanner-12","activatedAt":"2026-11-30T10:15:00Z"}],"page":0,"size":100,"totalItems":1}""")));
	}

	@Test
	void showsTheLicenseInFullWithWhatCanBeDoneWithIt() throws Exception {
		mvc.perform(get("/licenses/" + ID).with(SignedIn.as("alice-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("LABEL-RECOGNIZER licence</h1>")))
			.andExpect(content().string(containsString("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")))
			.andExpect(content().string(containsString("5 (2 used)")))
			.andExpect(content().string(containsString("Never (perpetual)")))
			.andExpect(content().string(containsString("Feb 1, 2027")))
			.andExpect(content().string(containsString("href=\"/orders/abcdef12-3456-0000-0000-000000000000\">Order ABCDEF12</a>")))
			.andExpect(content().string(containsString("href=\"/licenses/" + ID + "/certificate\"")))
			.andExpect(content().string(containsString("Additional quota")))
			.andExpect(content().string(containsString("Maintenance is valid until 2027-02-01, so upgrades are free.")))
			// the next major version by default
			.andExpect(content().string(containsString("id=\"targetVersion\" name=\"targetVersion\" value=\"4\"")))
			.andExpect(content().string(containsString("2 of 5 units of quota used")))
			.andExpect(content().string(containsString("scanner-12")))
			.andExpect(content().string(containsString("name=\"deviceId\" value=\"scanner-12\"")));
	}

	@Test
	void aRevokedLicenseSaysWhyAndOffersNeitherRenewalNorQuotaNorActivation() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo(PATH)).willReturn(okJson("""
				{"id":"%s","key":"AAAA-BBBB-CCCC-DDDD-EEEE-FFFF","orderId":"abcdef12-3456-0000-0000-000000000000",
				 "product":"LABEL-RECOGNIZER","type":"ANNUAL","productVersion":3,"quota":5,"quotaUsed":2,
				 "validFrom":"2026-02-01","expiresAt":"2027-02-01","status":"REVOKED",
				 "revokedAt":"2026-12-03T10:00:00Z","revocationReason":"The payment was charged back."}""".formatted(ID))));
		mvc.perform(get("/licenses/" + ID).with(SignedIn.as("alice-token")).header("Accept-Language", "en-US"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Our support team revoked this licence on Dec 3, 2026: "
					+ "The payment was charged back.")))
			.andExpect(content().string(containsString(">Revoked</strong>")))
			.andExpect(content().string(not(containsString("Renew Now"))))
			.andExpect(content().string(not(containsString("Additional quota"))))
			.andExpect(content().string(not(containsString("id=\"deviceId\""))));
	}

	@Test
	void aRefusedRenewNowIsSummedUpAtTheTop() throws Exception {
		String sentence = "Licence " + ID + " is for LABEL-RECOGNIZER, which is no longer sold. Contact sales to extend it.";
		mvc.perform(get("/licenses/" + ID).with(SignedIn.as("alice-token")).flashAttr("renewalError", sentence))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"#renew-now\">" + sentence + "</a>")))
			.andExpect(content().string(containsString("id=\"renew-now\"")))
			.andExpect(content().string(containsString("name=\"back\" value=\"/licenses/" + ID + "\"")));
	}

	@Test
	void someoneWhoIsNotAContactSeesNotFound() throws Exception {
		Api.stub(WireMock.get(urlPathMatching(PATH + ".*")).willReturn(Api.problem(404, "No such licence.")));

		mvc.perform(get("/licenses/" + ID).with(SignedIn.as("mallory-token")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Page not found")))
			.andExpect(content().string(not(containsString("AAAA-BBBB"))));
	}

	@Test
	void aLicenseNotCoveredForUpgradesSaysWhyAndOffersNoForm() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo(PATH + "/upgrade-eligibility")).willReturn(okJson("""
				{"eligible":false,"reason":"Maintenance ended on 2026-02-01. Renew maintenance to upgrade for free."}""")));

		mvc.perform(get("/licenses/" + ID).with(SignedIn.as("alice-token")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Maintenance ended on 2026-02-01. Renew maintenance to upgrade for free.")))
			.andExpect(content().string(not(containsString("name=\"targetVersion\""))));
	}

	@Test
	void aLapsedPerpetualLicenseBuysTheNewerVersionAndGoesOnToThePayment() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo(PATH + "/upgrade-eligibility")).willReturn(okJson("""
				{"eligible":false,"reason":"Maintenance ended on 2026-02-01. Renew maintenance to upgrade for free.","currentVersion":3,"latestVersion":4}""")));
		Api.stub(WireMock.post(urlPathEqualTo("/api/upgrade-orders")).willReturn(okJson("""
				{"id":"0badcafe-0000-0000-0000-000000000000","type":"UPGRADE","status":"PENDING_PAYMENT"}""")));

		mvc.perform(get("/licenses/" + ID).with(SignedIn.as("alice-token")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/licenses/" + ID + "/upgrade-order\"")))
			.andExpect(content().string(containsString("Buy upgrade to version 4")));
		mvc.perform(post("/licenses/" + ID + "/upgrade-order").param("idempotencyKey", "page-key-3")
			.with(SignedIn.as("alice-token"))
			.with(csrf()))
			.andExpect(redirectedUrl("/orders/0badcafe-0000-0000-0000-000000000000/payment"))
			.andExpect(flash().attribute("notice", "Order 0BADCAFE upgrades the licence: choose how to pay."));
		Api.client().verifyThat(postRequestedFor(urlPathEqualTo("/api/upgrade-orders"))
			.withHeader("Idempotency-Key", equalTo("page-key-3"))
			.withRequestBody(equalToJson("{\"licenseId\":\"" + ID + "\"}")));
	}

	@Test
	void aRefusedUpgradeOrderIsSummedUpAtTheTop() throws Exception {
		String sentence = "Maintenance of your perpetual licence is valid until 2027-02-01, so upgrades are free: upgrade it instead of buying an upgrade.";
		Api.stub(WireMock.post(urlPathEqualTo("/api/upgrade-orders")).willReturn(Api.problem(422, sentence)));

		mvc.perform(post("/licenses/" + ID + "/upgrade-order").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"#buy-upgrade\">" + sentence + "</a>")));
	}

	@Test
	void addQuotaPlacesAQuotaOrderAndGoesOnToItsPayment() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo("/api/quota-orders")).willReturn(okJson("""
				{"id":"0badcafe-0000-0000-0000-000000000000","type":"QUOTA_EXPANSION","status":"PENDING_PAYMENT"}""")));

		mvc.perform(post("/licenses/" + ID + "/quota").param("additionalQuota", "3").param("idempotencyKey", "page-key-2")
			.with(SignedIn.as("alice-token"))
			.with(csrf()))
			.andExpect(redirectedUrl("/orders/0badcafe-0000-0000-0000-000000000000/payment"))
			.andExpect(flash().attribute("notice", "Order 0BADCAFE adds 3 units of quota: choose how to pay."));

		Api.SERVER.verify(postRequestedFor(urlPathEqualTo("/api/quota-orders"))
			.withRequestBody(equalToJson("{\"licenseId\":\"" + ID + "\",\"additionalQuota\":3}"))
			.withHeader("Authorization", equalTo("Bearer alice-token"))
			.withHeader("Idempotency-Key", equalTo("page-key-2")));
	}

	@Test
	void addQuotaOfNothingIsRefusedNextToTheFieldWithoutAsking() throws Exception {
		mvc.perform(post("/licenses/" + ID + "/quota").param("additionalQuota", "0").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("href=\"#additionalQuota\">Enter a number of units greater than 0</a>")))
			.andExpect(content().string(containsString("id=\"additionalQuota-error\"")))
			.andExpect(content().string(containsString("name=\"additionalQuota\" value=\"0\"")));

		mvc.perform(post("/licenses/" + ID + "/quota").param("additionalQuota", "lots").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(content().string(containsString("Enter the additional quota as a whole number, like 3")))
			.andExpect(content().string(containsString("name=\"additionalQuota\" value=\"lots\"")));

		Api.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/quota-orders")));
	}

	@Test
	void theApisRefusalOfAQuotaOrderStandsNextToTheField() throws Exception {
		String sentence = "Licence " + ID + " expired on 2026-01-20. Renew it before adding quota.";
		Api.stub(WireMock.post(urlPathEqualTo("/api/quota-orders")).willReturn(Api.problem(422, sentence)));

		mvc.perform(post("/licenses/" + ID + "/quota").param("additionalQuota", "2").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#additionalQuota\">" + sentence + "</a>")))
			.andExpect(content().string(containsString("name=\"additionalQuota\" value=\"2\"")));
	}

	@Test
	void upgradeSendsTheTargetVersionAndShowsARefusalWordForWord() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo(PATH + "/upgrade")).willReturn(okJson("""
				{"id":"%s","product":"LABEL-RECOGNIZER","type":"PERPETUAL","productVersion":4}""".formatted(ID))));
		mvc.perform(post("/licenses/" + ID + "/upgrade").param("targetVersion", "4").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(redirectedUrl("/licenses/" + ID))
			.andExpect(flash().attribute("notice", "The licence is upgraded to version 4."));
		Api.SERVER.verify(postRequestedFor(urlPathEqualTo(PATH + "/upgrade")).withRequestBody(equalToJson("{\"targetVersion\":4}")));

		String sentence = "Version 9 of LABEL-RECOGNIZER has not been released; the latest is 4.";
		Api.stub(WireMock.post(urlPathEqualTo(PATH + "/upgrade")).willReturn(Api.problem(422, sentence)));
		mvc.perform(post("/licenses/" + ID + "/upgrade").param("targetVersion", "9").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#targetVersion\">" + sentence + "</a>")))
			.andExpect(content().string(containsString("name=\"targetVersion\" value=\"9\"")));
	}

	@Test
	void activatingADeviceWhenTheQuotaIsUsedUpShowsWhy() throws Exception {
		String sentence = "All 5 units of this licence's quota are in use. Free a device or add quota.";
		Api.stub(WireMock.post(urlPathEqualTo(PATH + "/activations")).willReturn(Api.problem(422, sentence)));

		mvc.perform(post("/licenses/" + ID + "/activations").param("deviceId", "laptop-9").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#deviceId\">" + sentence.replace("'", "&#39;") + "</a>")))
			.andExpect(content().string(containsString("name=\"deviceId\" value=\"laptop-9\"")));
		Api.SERVER.verify(postRequestedFor(urlPathEqualTo(PATH + "/activations")).withRequestBody(equalToJson("{\"deviceId\":\"laptop-9\"}")));
	}

	@Test
	void activatingAndFreeingADevice() throws Exception {
		Api.stub(WireMock.post(urlPathEqualTo(PATH + "/activations")).willReturn(okJson("""
				{"licenseId":"%s","deviceId":"laptop-9","quota":5,"quotaUsed":3}""".formatted(ID))));
		mvc.perform(post("/licenses/" + ID + "/activations").param("deviceId", "laptop-9").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(redirectedUrl("/licenses/" + ID + "#activations"))
			.andExpect(flash().attribute("notice", "Device laptop-9 is activated: 3 of 5 units of quota used."));

		Api.stub(WireMock.delete(urlPathEqualTo(PATH + "/activations/scanner-12")).willReturn(aResponse().withStatus(204)));
		mvc.perform(post("/licenses/" + ID + "/activations/free").param("deviceId", "scanner-12").with(SignedIn.as("alice-token")).with(csrf()))
			.andExpect(redirectedUrl("/licenses/" + ID + "#activations"))
			.andExpect(flash().attribute("notice", "Device scanner-12 no longer uses the quota."));
		Api.SERVER.verify(deleteRequestedFor(urlPathEqualTo(PATH + "/activations/scanner-12")));
	}

	@Test
	void theCertificateIsSavedAsAFile() throws Exception {
		Api.stub(WireMock.get(urlPathEqualTo(PATH + "/certificate")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"format\":\"customer-portal-license-certificate\",\"signature\":\"c2lnbmVk\"}")));

		mvc.perform(get("/licenses/" + ID + "/certificate").with(SignedIn.as("alice-token")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/json"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"license-certificate-" + ID + ".json\""))
			.andExpect(content().string("{\"format\":\"customer-portal-license-certificate\",\"signature\":\"c2lnbmVk\"}"));
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		mvc.perform(post("/licenses/" + ID + "/quota").param("additionalQuota", "3").with(SignedIn.as("alice-token")))
			.andExpect(status().isForbidden());
		Api.SERVER.verify(0, anyRequestedFor(anyUrl()).withUrl("/api/quota-orders"));
	}

}
