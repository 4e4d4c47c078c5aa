package org.customerportal.notification.ordermail;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.customerportal.notification.IntegrationTestSupport;
import org.customerportal.notification.TestEvents;
import org.customerportal.notification.TestEvents.Contact;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quote the vendor's sales staff sent ({@code quote.sent}) is mailed to each recipient once, with its
 * discounts, note, validity and the link to its page in the portal.
 */
class QuoteMailIntegrationTest extends IntegrationTestSupport {

	@Test
	void eachRecipientGetsTheQuoteWithItsDiscountNoteAndLinkOnce() throws Exception {
		Contact primary = Contact.random("primary");
		Contact colleague = Contact.random("colleague");
		UUID quoteId = UUID.randomUUID();
		UUID organizationId = UUID.randomUUID();
		LocalDate validUntil = LocalDate.parse("2031-05-14");
		TestEvents events = events();
		TestEvents.Published sent = events.quoteSent(quoteId, organizationId, "Acme Corp", List.of(primary, colleague),
				validUntil, "As agreed: <10% off> the SDK.");

		MimeMessage mail = awaitMails(colleague.email(), 1).get(0);
		String reference = quoteId.toString().substring(0, 8).toUpperCase();
		assertThat(subject(mail)).isEqualTo("Your quote " + reference + " for Acme Corp");
		String link = "https://portal.example.test/quotes/" + quoteId;
		assertThat(part(mail, "text/plain")).contains("Sally Sales prepared a quote for Acme Corp")
			.contains("As agreed: <10% off> the SDK.")
			.contains("Dynamic Barcode Reader ANNUAL, quota 2: 2498.00 USD, less 249.80 USD (10%) = 2248.20 USD")
			.contains("Your discount: 249.80 USD")
			.contains("Total: 2248.20 USD")
			.contains("valid until May 14, 2031")
			.contains(link);
		assertThat(part(mail, "text/html")).contains("href=\"" + link + "\"")
			.contains("As agreed: &lt;10% off&gt; the SDK.")
			.contains("249.80 USD (10%)");
		assertThat(subject(awaitMails(primary.email(), 1).get(0))).isEqualTo(subject(mail));

		// a redelivery, then another copy of the same quote (same key, so read after it): still one mail each
		events.send(sent);
		awaitApplied(events.quoteSent(quoteId, organizationId, "Acme Corp", List.of(primary, colleague), validUntil,
				"As agreed: <10% off> the SDK."));
		assertThat(sentTo(primary.email()).findValuesAsString("kind")).containsExactly("QUOTE");
		assertThat(sentTo(colleague.email()).findValuesAsString("kind")).containsExactly("QUOTE");
	}

}
