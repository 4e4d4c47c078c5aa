package org.customerportal.order.payment;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.customerportal.platform.config.DevelopmentOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * A payment provider that moves no money, for development and tests only: active when
 * {@code portal.order.payments.provider} is {@code simulated}, and then the service starts only with a
 * development profile ({@link DevelopmentOnly}). Card and PayPal payments open its test payment page
 * ({@link SimulatedPaymentPage}), whose Pay and Decline buttons send a notification signed like a
 * real provider's, with a local-only secret, through the same webhook handling. Wire transfers and
 * checks wait for support to confirm them; refunds are only recorded.
 * <p>
 * Like a real provider it treats the payment id as an idempotency key: a start or refund repeated
 * for the same payment answers what the first one did. It remembers the latest {@value #REMEMBERED}.
 */
@Component
@ConditionalOnProperty(name = "portal.order.payments.provider", havingValue = SimulatedPaymentProvider.NAME)
class SimulatedPaymentProvider implements PaymentProvider {

	static final String NAME = "simulated";

	/** LOCAL DEVELOPMENT ONLY: signs the test page's notifications; committed, so it protects nothing. */
	static final String LOCAL_ONLY_SECRET = "simulated-provider-local-only-not-a-secret";

	/** The header carrying the notification's signature. */
	static final String SIGNATURE_HEADER = "Simulated-Signature";

	static final String SUCCEEDED = "payment.succeeded";

	static final String DECLINED = "payment.declined";

	static final String DECLINED_REASON = "Your payment was declined. Pay again with another card, or choose "
			+ "another payment method.";

	static final int REMEMBERED = 10_000;

	private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProvider.class);

	private final Clock clock;

	private final PaymentProperties properties;

	private final JsonMapper json;

	private final Map<UUID, Result> started = latest();

	private final Map<UUID, RefundResult> refunded = latest();

	SimulatedPaymentProvider(Clock clock, PaymentProperties properties, JsonMapper json, Environment environment) {
		DevelopmentOnly.require(environment,
				"The simulated payment provider (portal.order.payments.provider=simulated) moves no money: its test "
						+ "payment page marks orders paid when anyone clicks Pay.",
				"Choose the payment provider that moves the money with portal.order.payments.provider "
						+ "(PORTAL_ORDER_PAYMENTS_PROVIDER), e.g. stripe.");
		if (properties.simulated().pageBaseUrl() == null) {
			throw new IllegalArgumentException("Set portal.order.payments.simulated.page-base-url to the gateway's address");
		}
		this.clock = clock;
		this.properties = properties;
		this.json = json;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warn() {
		log.warn("The simulated payment provider is active: card and PayPal payments go to a test payment page "
				+ "and are marked paid without any money moving. Development only; choose a real provider "
				+ "with portal.order.payments.provider (PORTAL_ORDER_PAYMENTS_PROVIDER).");
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public synchronized Result start(Start start) {
		return started.computeIfAbsent(start.paymentId(), id -> start.method().paidOnProviderPage()
				? new Redirect("SIM-" + id, page(id)) : OfflineInstructions.of(start));
	}

	@Override
	public synchronized RefundResult refund(Refund refund) {
		return refunded.computeIfAbsent(refund.paymentId(), id -> new Refunded("SIM-REFUND-" + id));
	}

	@Override
	public void expire(String reference) {
		// the page asks order-service whether the payment is still open
	}

	/** The test payment page of a payment. */
	URI page(UUID paymentId) {
		String base = properties.simulated().pageBaseUrl().toString().replaceAll("/+$", "");
		return URI.create(base + SimulatedPaymentPage.PATH.replace("{paymentId}", paymentId.toString()));
	}

	/** The notification the test page sends when the customer clicks Pay ({@code succeeded}) or Decline. */
	SignedNotification notification(UUID paymentId, boolean succeeded) {
		Instant now = Instant.now(clock);
		ObjectNode event = json.createObjectNode();
		event.put("id", "evt_sim_" + UUID.randomUUID());
		event.put("type", succeeded ? SUCCEEDED : DECLINED);
		event.put("created", now.getEpochSecond());
		event.put("paymentId", paymentId.toString());
		String payload = json.writeValueAsString(event);
		HttpHeaders headers = new HttpHeaders();
		headers.set(SIGNATURE_HEADER, SignedPayloads.sign(payload, properties.simulated().webhookSecret(), now));
		return new SignedNotification(payload, headers);
	}

	@Override
	public Notification verify(String payload, HttpHeaders headers) {
		SignedPayloads.verify(payload, headers.getFirst(SIGNATURE_HEADER), properties.simulated().webhookSecret(),
				Instant.now(clock), properties.webhookTolerance());
		JsonNode event;
		try {
			event = json.readTree(payload);
		}
		catch (JacksonException ex) {
			throw new InvalidNotificationException("it is not JSON");
		}
		String id = event.path("id").asString("");
		String type = event.path("type").asString("");
		if (id.isEmpty()) {
			throw new InvalidNotificationException("it has no id");
		}
		UUID paymentId;
		try {
			paymentId = UUID.fromString(event.path("paymentId").asString(""));
		}
		catch (IllegalArgumentException ex) {
			return Notification.ignored(id, type);
		}
		return switch (type) {
			case SUCCEEDED -> new Notification(id, type, paymentId, Outcome.SUCCEEDED, "SIM-" + paymentId, null);
			case DECLINED -> new Notification(id, type, paymentId, Outcome.FAILED, null, DECLINED_REASON);
			default -> Notification.ignored(id, type);
		};
	}

	private static <T> Map<UUID, T> latest() {
		return new LinkedHashMap<>() {
			@Override
			protected boolean removeEldestEntry(Map.Entry<UUID, T> eldest) {
				return size() > REMEMBERED;
			}
		};
	}

	/** A notification as the provider would post it. */
	record SignedNotification(String payload, HttpHeaders headers) {
	}

}
