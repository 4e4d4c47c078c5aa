package org.customerportal.notification;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.customerportal.platform.jobs.DueJobSettings;
import org.customerportal.platform.retry.RetryBackOff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param baseUrl public address of the web portal; links in mails start with it
 * @param from sender address of every mail
 * @param fromName sender display name
 * @param reminders renewal reminders before a licence or its maintenance ends
 * @param mail the worker that sends queued mail
 * @param unsubscribe the unsubscribe links in every mail
 * @param paymentInstructions what a wire transfer or check order's mail tells the customer to do
 */
@ConfigurationProperties("portal.notifications")
@Validated
public record NotificationProperties(@DefaultValue("http://localhost:8080") @NotNull URI baseUrl,
		@DefaultValue("portal@localhost") @NotBlank String from,
		@DefaultValue("Customer Portal") String fromName, @Valid @DefaultValue Reminders reminders,
		@Valid @DefaultValue Mail mail, @Valid @DefaultValue Unsubscribe unsubscribe,
		@DefaultValue PaymentInstructions paymentInstructions) {

	/** The base URL without a trailing slash, to append paths to. */
	public String link(String path) {
		String base = baseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

	/**
	 * @param thresholds days before the end on which a reminder is due (0: the day it ends)
	 * @param zone the zone in which "today" is counted
	 * @param maxLateness a reminder found this long after its day (the service was down) is skipped
	 * @param scanInterval how often one instance looks for reminders that are due
	 * @param scanInitialDelay the wait after start-up before the first look
	 * @param batchSize reminders claimed per transaction by the scan
	 */
	public record Reminders(@DefaultValue({ "60", "30", "7", "1", "0" }) @NotEmpty List<@Min(0) Integer> thresholds,
			@DefaultValue("UTC") ZoneId zone, @DefaultValue("2d") Duration maxLateness,
			@DefaultValue("10m") Duration scanInterval, @DefaultValue("1m") Duration scanInitialDelay,
			@DefaultValue("1000") @Min(1) int batchSize) {

		public int maxLatenessDays() {
			return (int) maxLateness.toDays();
		}

	}

	/**
	 * @param pollInterval how often the worker looks for mail to send
	 * @param batchSize mails claimed and sent over one SMTP connection at a time
	 * @param senders SMTP connections used at once
	 * @param firstRetry wait after the first failure, doubled after each further one
	 * @param maxRetry longest wait between attempts
	 * @param maxAttempts attempts before a mail the server rejects is given up (an unreachable server is
	 * retried without limit)
	 */
	public record Mail(@DefaultValue("1s") Duration pollInterval, @DefaultValue("100") @Min(1) int batchSize,
			@DefaultValue("4") @Min(1) int senders, @DefaultValue("5s") Duration firstRetry, @DefaultValue("10m") Duration maxRetry,
			@DefaultValue("10") @Min(1) int maxAttempts) {

		public RetryBackOff backOff() {
			return new RetryBackOff(firstRetry, maxRetry);
		}

		public DueJobSettings job() {
			return new DueJobSettings(pollInterval, batchSize, maxAttempts, backOff());
		}

	}

	/** The unsubscribe link: the API's public address, else the portal's (one host serves both). */
	public String unsubscribeLink(String pathAndQuery) {
		if (unsubscribe.baseUrl() == null) {
			return link(pathAndQuery);
		}
		String base = unsubscribe.baseUrl().toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
	}

	/**
	 * @param signingKey HMAC-SHA256 key of unsubscribe tokens (at least 32 characters)
	 * @param validity how long an unsubscribe link works
	 * @param mailto optional address for a mailto: List-Unsubscribe target
	 * @param baseUrl public address of the API, where this service's unsubscribe page is served; empty
	 * when the portal's host also serves {@code /api/**} (the chart's single public host)
	 */
	public record Unsubscribe(@NotBlank @Size(min = 32) String signingKey, @DefaultValue("365d") Duration validity,
			String mailto, URI baseUrl) {

		@Override
		public String toString() {
			return "Unsubscribe[validity=" + validity + ", mailto=" + mailto + "]";
		}

	}

	/**
	 * The text of the payment-instructions mail for each offline payment method.
	 * @param wireTransfer the bank account and what to put in the transfer's reference
	 * @param check whom the check is made out to and where it is sent
	 */
	public record PaymentInstructions(@DefaultValue("") String wireTransfer, @DefaultValue("") String check) {
	}

}
