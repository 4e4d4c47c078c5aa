package org.customerportal.order.payment;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The circuit breaker and time limiter around the provider are Resilience4j's instance
 * {@value GuardedPaymentProvider#NAME} ({@code resilience4j.circuitbreaker.instances.payment-provider.*},
 * {@code resilience4j.timelimiter.instances.payment-provider.*}).
 *
 * @param provider which {@link PaymentProvider} moves the money: {@code stripe}, or {@code simulated}
 * (development only: it moves none); no default, the operator chooses
 * @param portalBaseUrl the web portal's public address: the default return address after the hosted
 * page is its order page, and its origin is always an allowed return origin
 * @param returnUrlOrigins further origins ({@code scheme://host[:port]}) a payment's {@code returnUrl}
 * may point to
 * @param pageExpiry how long the provider's hosted page takes the payment (Stripe: 30 minutes to 24
 * hours); a new payment of the order replaces an unfinished one before that
 * @param webhookTolerance notifications signed longer ago than this are refused as replays
 * @param webhookEventRetention how long the ids of applied notifications are kept to skip repeats
 */
@ConfigurationProperties("portal.order.payments")
record PaymentProperties(String provider, @DefaultValue("http://localhost:8080") URI portalBaseUrl, List<URI> returnUrlOrigins,
		@DefaultValue("1h") Duration pageExpiry, @DefaultValue("5m") Duration webhookTolerance,
		@DefaultValue("30d") Duration webhookEventRetention, @DefaultValue Simulated simulated,
		@DefaultValue Stripe stripe) {

	PaymentProperties {
		if (provider == null || provider.isBlank()) {
			throw new IllegalArgumentException("No payment provider is chosen. Set portal.order.payments.provider "
					+ "(PORTAL_ORDER_PAYMENTS_PROVIDER) to stripe, or to simulated on a development machine.");
		}
		if (!provider.equals(StripePaymentProvider.NAME) && !provider.equals(SimulatedPaymentProvider.NAME)) {
			throw new IllegalArgumentException("portal.order.payments.provider (PORTAL_ORDER_PAYMENTS_PROVIDER) is " + provider
					+ ", which is no payment provider of this service: choose stripe, or simulated on a development "
					+ "machine.");
		}
		if (portalBaseUrl == null) {
			throw new IllegalArgumentException(
					"Set portal.order.payments.portal-base-url (PORTAL_ORDER_PAYMENTS_PORTALBASEURL) to the web portal's public address.");
		}
		returnUrlOrigins = returnUrlOrigins == null ? List.of() : List.copyOf(returnUrlOrigins);
		// one public host (the chart's) serves the portal and the API: the page needs no address of its own
		if (simulated != null && simulated.pageBaseUrl() == null && portalBaseUrl != null) {
			simulated = new Simulated(portalBaseUrl, simulated.webhookSecret());
		}
	}

	/**
	 * The simulated provider's test payment page (development only).
	 * @param pageBaseUrl the public address of the API (the gateway) as the browser reaches it; the
	 * page is {@code <pageBaseUrl>/api/payments/simulated/<paymentId>}; unset: {@code portal-base-url}
	 * @param webhookSecret the key its notifications are signed with; a committed, local-only default
	 */
	record Simulated(URI pageBaseUrl, @DefaultValue(SimulatedPaymentProvider.LOCAL_ONLY_SECRET) String webhookSecret) {
	}

	/**
	 * @param secretKey the account's secret API key ({@code sk_live_…}, {@code sk_test_…})
	 * @param webhookSecret the signing secret of the webhook endpoint ({@code whsec_…})
	 * @param apiBase Stripe's API address (tests point it at a stub)
	 */
	record Stripe(String secretKey, String webhookSecret, @DefaultValue("https://api.stripe.com") URI apiBase) {
	}

}
