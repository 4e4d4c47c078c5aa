package org.customerportal.order.payment;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Stripe's HTTP API stubbed at the boundary: Checkout Sessions, their expiry and refunds answer as
 * Stripe does; and webhook events signed as Stripe signs them ({@code t=…,v1=…}).
 */
final class StripeStub {

	static final String SECRET_KEY = "sk_test_portal_stub";

	static final String WEBHOOK_SECRET = "whsec_portal_stub";

	private static final JsonMapper JSON = new JsonMapper();

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	StripeStub() {
		server.start();
		answering();
	}

	String url() {
		return server.baseUrl();
	}

	void stop() {
		server.stop();
	}

	/** Stripe answers: a session per idempotency key (named after it), its expiry, refunds. */
	void answering() {
		server.resetAll();
		server.stubFor(post(urlEqualTo("/v1/checkout/sessions")).withHeader("Idempotency-Key", matching(".+"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("""
						{"id":"cs_test_{{request.headers.[Idempotency-Key]}}","object":"checkout.session",
						 "url":"https://checkout.stripe.com/c/pay/cs_test_{{request.headers.[Idempotency-Key]}}",
						 "payment_status":"unpaid","status":"open"}""")
				.withTransformers("response-template")));
		server.stubFor(post(urlPathMatching("/v1/checkout/sessions/[^/]+/expire")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"cs_test_expired\",\"object\":\"checkout.session\",\"status\":\"expired\"}")));
		server.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"re_test_1\",\"object\":\"refund\",\"status\":\"succeeded\"}")));
	}

	/** Stripe cannot be reached: every connection is reset. */
	void down() {
		server.resetAll();
		server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
	}

	/** Stripe refuses the request (400 invalid_request_error). */
	void refusing() {
		server.resetAll();
		server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"expires_at must be in the future\"}}")));
	}

	/** The requests to create sessions, their form bodies decoded. */
	List<String> sessionRequests() {
		return requests("/v1/checkout/sessions");
	}

	List<String> refundRequests() {
		return requests("/v1/refunds");
	}

	List<LoggedRequest> sessionCalls() {
		return server.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
	}

	List<LoggedRequest> expireCalls() {
		return server.findAll(postRequestedFor(urlPathMatching("/v1/checkout/sessions/[^/]+/expire")));
	}

	List<LoggedRequest> refundCalls() {
		return server.findAll(postRequestedFor(urlEqualTo("/v1/refunds")));
	}

	private List<String> requests(String path) {
		return server.findAll(postRequestedFor(urlEqualTo(path)))
			.stream()
			.map(request -> URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8))
			.toList();
	}

	/** A Checkout Session event as Stripe sends it. */
	static String event(String type, UUID paymentId, String paymentStatus) {
		ObjectNode session = JSON.createObjectNode()
			.put("id", "cs_test_" + paymentId)
			.put("object", "checkout.session")
			.put("client_reference_id", paymentId.toString())
			.put("payment_status", paymentStatus)
			.put("payment_intent", "pi_test_" + paymentId.toString().substring(0, 8));
		session.putObject("metadata").put("payment_id", paymentId.toString());
		ObjectNode event = JSON.createObjectNode()
			.put("id", "evt_test_" + UUID.randomUUID())
			.put("object", "event")
			.put("api_version", "2025-09-30.clover")
			.put("created", Instant.now().getEpochSecond())
			.put("livemode", false)
			.put("type", type);
		event.putObject("data").set("object", session);
		return JSON.writeValueAsString(event);
	}

	/** The Stripe-Signature header of a payload signed at the given time. */
	static String signature(String payload, Instant at) {
		return SignedPayloads.sign(payload, WEBHOOK_SECRET, at);
	}

}
