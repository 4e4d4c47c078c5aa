package org.customerportal.order.payment;

import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Stripe: card and PayPal payments on a hosted Checkout Session, confirmed by Stripe's signed webhook
 * events; active when {@code portal.order.payments.provider} is {@code stripe}. The session is created with
 * our payment id as its idempotency key and client reference, the order's amount and currency, and
 * the payment's return address as success and cancel URL. Wire transfers and checks are paid to the
 * vendor's own bank account, as with any provider.
 * <p>
 * Stripe's answer to a request it refuses (4xx) is a refusal of the payment; no answer, a server error
 * or refused credentials are a failure of the provider (503 to the customer, the circuit breaker counts
 * it).
 */
@Component
@ConditionalOnProperty(name = "portal.order.payments.provider", havingValue = StripePaymentProvider.NAME)
class StripePaymentProvider implements PaymentProvider {

	static final String NAME = "stripe";

	static final String SIGNATURE_HEADER = "Stripe-Signature";

	static final String REFUSED = "Our payment provider refused to start this payment. Try again, or choose "
			+ "another payment method.";

	static final String FAILED = "Your payment did not go through. Pay the order again, or choose another "
			+ "payment method.";

	static final String EXPIRED = "The payment page expired before the payment was made. Pay the order again.";

	private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);

	private final StripeClient stripe;

	private final String webhookSecret;

	private final PaymentProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	StripePaymentProvider(PaymentProperties properties, JsonMapper json, Clock clock) {
		PaymentProperties.Stripe settings = properties.stripe();
		if (settings.secretKey() == null || settings.secretKey().isBlank() || settings.webhookSecret() == null
				|| settings.webhookSecret().isBlank()) {
			throw new IllegalArgumentException("The Stripe payment provider needs portal.order.payments.stripe.secret-key "
					+ "(PORTAL_ORDER_PAYMENTS_STRIPE_SECRETKEY) and portal.order.payments.stripe.webhook-secret (PORTAL_ORDER_PAYMENTS_STRIPE_WEBHOOKSECRET)");
		}
		this.stripe = StripeClient.builder()
			.setApiKey(settings.secretKey())
			.setApiBase(settings.apiBase().toString().replaceAll("/+$", ""))
			// retries are ours: a repeat or the reconciler asks again under the same idempotency key
			.setMaxNetworkRetries(0)
			.setConnectTimeout(5_000)
			.setReadTimeout(30_000)
			.build();
		this.webhookSecret = settings.webhookSecret();
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Result start(Start start) {
		if (!start.method().paidOnProviderPage()) {
			return OfflineInstructions.of(start);
		}
		String reference = OfflineInstructions.orderReference(start.orderId());
		SessionCreateParams params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setClientReferenceId(start.paymentId().toString())
			.putMetadata("payment_id", start.paymentId().toString())
			.putMetadata("order_id", start.orderId().toString())
			.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
				.putMetadata("payment_id", start.paymentId().toString())
				.putMetadata("order_id", start.orderId().toString())
				.build())
			.addPaymentMethodType(start.method() == PaymentMethod.PAYPAL ? SessionCreateParams.PaymentMethodType.PAYPAL
					: SessionCreateParams.PaymentMethodType.CARD)
			.addLineItem(SessionCreateParams.LineItem.builder()
				.setQuantity(1L)
				.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
					.setCurrency(start.amount().currency().toLowerCase(Locale.ROOT))
					.setUnitAmount(minorUnits(start.amount()))
					.setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
						.setName("Customer Portal order " + reference)
						.build())
					.build())
				.build())
			.setSuccessUrl(ReturnUrls.withOutcome(start.returnUrl(), "succeeded").toString())
			.setCancelUrl(ReturnUrls.withOutcome(start.returnUrl(), "cancelled").toString())
			.setExpiresAt(start.expiresAt().getEpochSecond())
			.build();
		try {
			Session session = stripe.v1()
				.checkout()
				.sessions()
				.create(params, RequestOptions.builder().setIdempotencyKey(start.paymentId().toString()).build());
			return new Redirect(session.getId(), URI.create(session.getUrl()));
		}
		catch (InvalidRequestException | CardException | IdempotencyException ex) {
			log.warn("Stripe refused to start payment {}: {} (request {})", start.paymentId(), ex.getMessage(),
					ex.getRequestId());
			return new Declined(REFUSED);
		}
		catch (StripeException ex) {
			throw new ProviderFailure(ex);
		}
	}

	@Override
	public RefundResult refund(Refund refund) {
		if (refund.reference() == null) {
			return new RefundRefused("Stripe gave no payment reference for this payment: refund it in the Stripe "
					+ "dashboard, then record it.");
		}
		try {
			com.stripe.model.Refund refunded = stripe.v1()
				.refunds()
				.create(RefundCreateParams.builder()
					.setPaymentIntent(refund.reference())
					.putMetadata("payment_id", refund.paymentId().toString())
					.build(), RequestOptions.builder().setIdempotencyKey("refund-" + refund.paymentId()).build());
			return new Refunded(refunded.getId());
		}
		catch (InvalidRequestException | IdempotencyException ex) {
			log.warn("Stripe refused to refund payment {}: {} (request {})", refund.paymentId(), ex.getMessage(),
					ex.getRequestId());
			return new RefundRefused("Stripe refused the refund: " + ex.getUserMessage()
					+ " Look at the payment in the Stripe dashboard.");
		}
		catch (StripeException ex) {
			throw new ProviderFailure(ex);
		}
	}

	@Override
	public void expire(String reference) {
		try {
			stripe.v1().checkout().sessions().expire(reference);
		}
		catch (InvalidRequestException ex) {
			log.info("Stripe did not expire session {}: {}", reference, ex.getMessage()); // completed or expired
		}
		catch (StripeException ex) {
			throw new ProviderFailure(ex);
		}
	}

	@Override
	public Notification verify(String payload, HttpHeaders headers) {
		String signature = headers.getFirst(SIGNATURE_HEADER);
		if (signature == null || signature.isBlank()) {
			throw new InvalidNotificationException("it carries no Stripe-Signature");
		}
		Event event;
		try {
			event = Webhook.constructEvent(payload, signature, webhookSecret,
					properties.webhookTolerance().toSeconds(), clock);
		}
		catch (SignatureVerificationException ex) {
			throw new InvalidNotificationException("its Stripe signature does not match, or it is too old");
		}
		catch (RuntimeException ex) {
			throw new InvalidNotificationException("it is not a Stripe event");
		}
		JsonNode session;
		try {
			session = json.readTree(payload).path("data").path("object");
		}
		catch (JacksonException ex) {
			throw new InvalidNotificationException("it is not JSON");
		}
		UUID paymentId = paymentId(session);
		String type = event.getType();
		if (paymentId == null || !"checkout.session".equals(session.path("object").asString(""))) {
			return Notification.ignored(event.getId(), type);
		}
		String paymentIntent = session.path("payment_intent").asString(null);
		return switch (type) {
			case "checkout.session.completed" -> switch (session.path("payment_status").asString("")) {
				case "paid", "no_payment_required" -> succeeded(event, paymentId, paymentIntent);
				default -> Notification.ignored(event.getId(), type); // paid later: async_payment_* follows
			};
			case "checkout.session.async_payment_succeeded" -> succeeded(event, paymentId, paymentIntent);
			case "checkout.session.async_payment_failed" ->
				new Notification(event.getId(), type, paymentId, Outcome.FAILED, null, FAILED);
			case "checkout.session.expired" ->
				new Notification(event.getId(), type, paymentId, Outcome.FAILED, null, EXPIRED);
			default -> Notification.ignored(event.getId(), type);
		};
	}

	private static Notification succeeded(Event event, UUID paymentId, String paymentIntent) {
		return new Notification(event.getId(), event.getType(), paymentId, Outcome.SUCCEEDED, paymentIntent, null);
	}

	/** Our payment id: the session's client reference, or its metadata. */
	private static UUID paymentId(JsonNode session) {
		String id = session.path("client_reference_id").asString("");
		if (id.isEmpty()) {
			id = session.path("metadata").path("payment_id").asString("");
		}
		try {
			return id.isEmpty() ? null : UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Stripe counts money in the currency's smallest unit (cents for USD). */
	static long minorUnits(Money money) {
		int digits = Currency.getInstance(money.currency()).getDefaultFractionDigits();
		return money.amount().movePointRight(Math.max(digits, 0)).setScale(0, RoundingMode.UNNECESSARY)
			.longValueExact();
	}

	/** Stripe gave no usable answer (no connection, a server error, refused credentials). */
	static final class ProviderFailure extends RuntimeException {

		ProviderFailure(StripeException cause) {
			super("Stripe: " + cause.getMessage(), cause);
		}

	}

}
