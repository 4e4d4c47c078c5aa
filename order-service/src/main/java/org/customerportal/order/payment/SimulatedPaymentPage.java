package org.customerportal.order.payment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Hidden;
import org.customerportal.order.PaymentMethod;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The simulated provider's hosted payment page, for development only (it exists only with
 * {@code portal.order.payments.provider=simulated}, which needs a development profile). Public, like a
 * provider's page: the payment id in its address is the only key. Pay and Decline post a notification
 * signed with the simulated provider's local-only secret through the same webhook handling as a real
 * provider's, then send the browser back to the payment's return address with
 * {@code ?payment=succeeded} or {@code ?payment=declined}.
 * <p>
 * Plain HTML without scripts or inline styles (a strict Content-Security-Policy holds); styled by the
 * portal's stylesheet.
 */
@Controller
@Hidden
@RequestMapping(SimulatedPaymentPage.PATH)
@ConditionalOnProperty(name = "portal.order.payments.provider", havingValue = SimulatedPaymentProvider.NAME)
class SimulatedPaymentPage {

	static final String PATH = "/api/payments/simulated/{paymentId}";

	static final String SUCCEEDED = "succeeded";

	static final String DECLINED = "declined";

	private final Payments payments;

	private final PaymentWebhooks webhooks;

	private final SimulatedPaymentProvider provider;

	private final String portal;

	SimulatedPaymentPage(Payments payments, PaymentWebhooks webhooks, SimulatedPaymentProvider provider,
			PaymentProperties properties) {
		this.payments = payments;
		this.webhooks = webhooks;
		this.provider = provider;
		this.portal = properties.portalBaseUrl().toString().replaceAll("/+$", "");
	}

	@GetMapping
	ResponseEntity<String> show(@PathVariable UUID paymentId) {
		Payment payment = payments.find(paymentId).orElse(null);
		if (payment == null || !payment.method().paidOnProviderPage()) {
			return page(HttpStatus.NOT_FOUND, null, "<p class=\"govuk-body\">There is no such test payment.</p>");
		}
		if (!payment.onProviderPage()) {
			return closed(HttpStatus.OK, payment);
		}
		String action = HtmlUtils.htmlEscape(PATH.replace("{paymentId}", paymentId.toString()));
		return page(HttpStatus.OK, payment, """
				<dl class="govuk-summary-list">
				  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Order</dt><dd class="govuk-summary-list__value">%s</dd></div>
				  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Amount</dt><dd class="govuk-summary-list__value">%s</dd></div>
				  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Payment method</dt><dd class="govuk-summary-list__value">%s</dd></div>
				</dl>
				<div class="govuk-button-group">
				  <form method="post" action="%s" aria-label="Pay this order">
				    <input type="hidden" name="outcome" value="%s">
				    <button type="submit" class="govuk-button">Pay</button>
				  </form>
				  <form method="post" action="%s" aria-label="Decline this payment">
				    <input type="hidden" name="outcome" value="%s">
				    <button type="submit" class="govuk-button govuk-button--secondary">Decline</button>
				  </form>
				</div>
				""".formatted(OfflineInstructions.orderReference(payment.orderId()),
				HtmlUtils.htmlEscape(payment.amount().toString()),
				payment.method() == PaymentMethod.PAYPAL ? "PayPal" : "Card", action,
				SUCCEEDED, action, DECLINED));
	}

	@PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> decide(@PathVariable UUID paymentId, @RequestParam String outcome) {
		if (!outcome.equals(SUCCEEDED) && !outcome.equals(DECLINED)) {
			return page(HttpStatus.BAD_REQUEST, null, "<p class=\"govuk-body\">Choose Pay or Decline.</p>");
		}
		Payment payment = payments.find(paymentId).orElse(null);
		if (payment == null || !payment.method().paidOnProviderPage()) {
			return page(HttpStatus.NOT_FOUND, null, "<p class=\"govuk-body\">There is no such test payment.</p>");
		}
		if (!payment.onProviderPage()) {
			return closed(HttpStatus.CONFLICT, payment);
		}
		SimulatedPaymentProvider.SignedNotification notification = provider.notification(paymentId,
				outcome.equals(SUCCEEDED));
		// the same verification and handling as a real provider's notification
		webhooks.receive(SimulatedPaymentProvider.NAME, notification.payload(), notification.headers());
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(ReturnUrls.withOutcome(payment.returnUrl(), outcome))
			.cacheControl(CacheControl.noStore())
			.build();
	}

	private ResponseEntity<String> closed(HttpStatus status, Payment payment) {
		return page(status, payment, """
				<p class="govuk-body">This payment is no longer open: it was paid, declined, or replaced by a newer payment.</p>
				<p class="govuk-body"><a class="govuk-link" href="%s">Back to the portal</a></p>
				""".formatted(HtmlUtils.htmlEscape(payment.returnUrl().toString())));
	}

	private ResponseEntity<String> page(HttpStatus status, Payment payment, String content) {
		String html = """
				<!DOCTYPE html>
				<html lang="en" class="govuk-template">
				<head>
				  <meta charset="utf-8">
				  <meta name="viewport" content="width=device-width, initial-scale=1">
				  <title>Test payment - Customer Portal</title>
				  <link rel="stylesheet" href="%1$s/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css">
				  <link rel="stylesheet" href="%1$s/assets/css/portal.css">
				</head>
				<body class="govuk-template__body">
				  <header class="portal-header" role="banner">
				    <div class="govuk-width-container portal-header__container">
				      <span class="portal-header__name">Customer Portal</span>
				    </div>
				  </header>
				  <div class="govuk-width-container">
				  <main class="govuk-main-wrapper" id="main-content">
				    <div class="govuk-warning-text" role="note">
				      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
				      <strong class="govuk-warning-text__text">Test payment page — no money moves</strong>
				    </div>
				    <h1 class="govuk-heading-l">Test payment</h1>
				%2$s  </main>
				  </div>
				</body>
				</html>
				""".formatted(HtmlUtils.htmlEscape(portal), content.indent(4));
		String formAction = "'self'" + (payment == null ? "" : " " + ReturnUrls.origin(payment.returnUrl()));
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy",
					"default-src 'none'; style-src " + ReturnUrls.origin(URI.create(portal)) + "; form-action "
							+ formAction + "; base-uri 'none'; frame-ancestors 'none'")
			// not no-referrer: with it a browser sends the form's Origin as "null", which the gateway refuses
			.header("Referrer-Policy", "same-origin")
			.header("X-Content-Type-Options", "nosniff")
			.body(html);
	}

}
