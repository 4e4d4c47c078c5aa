package org.customerportal.notification.preference;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.customerportal.notification.IntegrationTestSupport;
import org.customerportal.notification.TestEvents;
import org.customerportal.notification.TestEvents.Contact;
import org.customerportal.notification.TestEvents.Published;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class UnsubscribeIntegrationTest extends IntegrationTestSupport {

	private static final Pattern LINK = Pattern.compile("<(https://[^>]+)>");

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	private void licenseEnding(Contact contact, LocalDate endDate) {
		TestEvents events = events();
		UUID organizationId = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		Published placed = events.orderPlaced(orderId, organizationId, "PAYPAL", List.of(contact),
				List.of(TestEvents.line("DWT", "Dynamic Web TWAIN", "ANNUAL", 1, null, "999.00")), "999.00");
		Published issued = events.licenseIssued(UUID.randomUUID(), orderId, organizationId, "ANNUAL",
				today().minusYears(1), endDate);
		awaitApplied(placed, issued);
	}

	private URI unsubscribeLinkIn(MimeMessage reminder) {
		assertThat(header(reminder, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		Matcher link = LINK.matcher(header(reminder, "List-Unsubscribe"));
		assertThat(link.find()).as("https link in List-Unsubscribe").isTrue();
		URI uri = URI.create(link.group(1));
		assertThat(uri.getHost()).isEqualTo("portal.example.test");
		assertThat(uri.getPath()).isEqualTo("/api/unsubscribe");
		assertThat(part(reminder, "text/plain")).contains(link.group(1));
		return uri;
	}

	private static String tokenOf(URI link) {
		return link.getRawQuery().substring("token=".length());
	}

	private boolean wantsReminders(Contact contact) throws Exception {
		String body = mvc
			.perform(get("/api/notifications/preferences").header("Authorization",
					customerToken(contact.userId(), contact.email())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JSON.readTree(body).path("renewalReminders").asBoolean();
	}

	@Test
	void theLinkFromAReminderUnsubscribesByPostAndNotByGet() throws Exception {
		Contact alice = Contact.random("alice");
		licenseEnding(alice, today().plusDays(60));
		scan();
		URI link = unsubscribeLinkIn(awaitMails(alice.email(), 1).get(0));
		String token = tokenOf(link);

		// GET (what a mail scanner does) shows the page and changes nothing
		mvc.perform(get("/api/unsubscribe").param("token", token).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString(alice.email())))
			.andExpect(content().string(containsString("renewal reminders")))
			.andExpect(content().string(containsString("<form method=\"post\"")));
		assertThat(wantsReminders(alice)).isTrue();

		// POST, as the one-click mail client sends it, unsubscribes; again is harmless
		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/api/unsubscribe").param("token", token)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("List-Unsubscribe=One-Click")).andExpect(status().isOk());
		}
		assertThat(wantsReminders(alice)).isFalse();

		// the next reminder due for another of alice's licences is not sent
		licenseEnding(alice, today().plusDays(30));
		Contact marker = Contact.random("marker");
		licenseEnding(marker, today().plusDays(30));
		scan();
		awaitMails(marker.email(), 1);
		assertThat(sentTo(alice.email())).hasSize(1);
	}

	@Test
	void aTamperedForeignOrExpiredTokenIsRefusedAndChangesNothing() throws Exception {
		Contact bob = Contact.random("bob");
		licenseEnding(bob, today().plusDays(7));
		scan();
		String token = tokenOf(unsubscribeLinkIn(awaitMails(bob.email(), 1).get(0)));

		String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
		String otherRecipient = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("mallory@evil.example".getBytes()) + token.substring(token.indexOf('.'));
		for (String bad : List.of(tampered, otherRecipient, "not-a-token")) {
			mvc.perform(post("/api/unsubscribe").param("token", bad))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("not valid or has expired")));
			mvc.perform(get("/api/unsubscribe").param("token", bad).accept(MediaType.TEXT_HTML))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("not valid or has expired")));
		}
		assertThat(wantsReminders(bob)).isTrue();

		// a year and a day later the link has expired
		moveClock(Duration.ofDays(366));
		mvc.perform(post("/api/unsubscribe").param("token", token)).andExpect(status().isBadRequest());
		assertThat(wantsReminders(bob)).isTrue();
	}

	@Test
	void callersReadAndChangeTheirOwnPreferences() throws Exception {
		Contact carol = Contact.random("carol");
		String auth = customerToken(carol.userId(), carol.email());
		mvc.perform(get("/api/notifications/preferences").header("Authorization", auth))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.renewalReminders").value(true))
			.andExpect(jsonPath("$.newsletter").value(false));
		mvc.perform(put("/api/notifications/preferences").header("Authorization", auth)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"renewalReminders\":false,\"newsletter\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.renewalReminders").value(false))
			.andExpect(jsonPath("$.newsletter").value(true));
		mvc.perform(get("/api/notifications/preferences").header("Authorization", auth))
			.andExpect(jsonPath("$.renewalReminders").value(false))
			.andExpect(jsonPath("$.newsletter").value(true));

		mvc.perform(put("/api/notifications/preferences").header("Authorization", auth)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"newsletter\":false}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("renewalReminders"));
		mvc.perform(get("/api/notifications/preferences").header("Authorization", auth))
			.andExpect(jsonPath("$.newsletter").value(true));
		mvc.perform(get("/api/notifications/preferences")).andExpect(status().isUnauthorized());
	}

	@Test
	void anUnverifiedAddressNeitherReadsNorChangesItsPreferences() throws Exception {
		Contact dave = Contact.random("dave");
		String auth = customerToken(dave.userId(), dave.email());
		String unverified = "Bearer " + TestTokens.get().token().subject(UUID.randomUUID().toString())
			.email(dave.email()).emailVerified(false).sign();

		mvc.perform(put("/api/notifications/preferences").header("Authorization", unverified)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"renewalReminders\":false,\"newsletter\":true}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(CurrentUser.EMAIL_NOT_VERIFIED));
		mvc.perform(get("/api/notifications/preferences").header("Authorization", unverified))
			.andExpect(status().isForbidden());

		mvc.perform(get("/api/notifications/preferences").header("Authorization", auth))
			.andExpect(jsonPath("$.renewalReminders").value(true))
			.andExpect(jsonPath("$.newsletter").value(false));
	}

	@Test
	void parallelChangesOfANewCallersPreferencesAllSucceed() throws Exception {
		Contact erin = Contact.random("erin");
		String auth = customerToken(erin.userId(), erin.email());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				boolean newsletter = i % 2 == 0;
				statuses.add(pool.submit(() -> mvc
					.perform(put("/api/notifications/preferences").header("Authorization", auth)
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"renewalReminders\":false,\"newsletter\":" + newsletter + "}"))
					.andReturn()
					.getResponse()
					.getStatus()));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(wantsReminders(erin)).isFalse();
	}

	@Test
	void aRemovedUserGetsNoMoreMail() throws Exception {
		Contact dave = Contact.random("dave");
		UUID organizationId = UUID.randomUUID();
		awaitApplied(events().memberJoined(organizationId, dave, "Dave Doe"));
		licenseEnding(dave, today().plusDays(30));
		awaitApplied(events().userRemoved(dave.userId(), organizationId));
		Contact marker = Contact.random("marker");
		licenseEnding(marker, today().plusDays(30));
		scan();
		awaitMails(marker.email(), 1);
		assertThat(sentTo(dave.email())).isEmpty();
	}

}
