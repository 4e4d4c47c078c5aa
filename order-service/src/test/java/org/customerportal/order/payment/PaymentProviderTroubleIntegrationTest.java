package org.customerportal.order.payment;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.customerportal.order.OrderIntegrationTestSupport;
import org.customerportal.order.payment.ScriptedPaymentProvider.Trouble;
import org.customerportal.platform.test.Actuator;
import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * When the payment provider opens a payment but its answer is lost, answers too late, or is not
 * reached: the customer hears 503 with Retry-After, no payment is opened twice, and the payment goes on
 * once the provider's answer is known, through a repeat of the request or the reconciler.
 */
class PaymentProviderTroubleIntegrationTest extends OrderIntegrationTestSupport {

	@LocalManagementPort
	int managementPort;

	private static final String LINE = "[{\"product\":\"LABEL-RECOGNIZER\",\"licenseType\":\"ANNUAL\",\"quota\":2}]";

	@Autowired
	private ScriptedPaymentProvider provider;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@AfterEach
	void releaseLateAnswers() {
		provider.release();
	}

	@Test
	void aStartWhoseAnswerWasLostIsNotStartedTwiceWhenTheCustomerRetries() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		String key = UUID.randomUUID().toString();
		provider.troubleNextStart(UUID.fromString(orderId), Trouble.ANSWER_LOST);

		MockHttpServletResponse lost = mvc.perform(payByCard(orderId, buyer).header("Idempotency-Key", key))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.detail").value(Payments.DELAYED))
			.andReturn()
			.getResponse();
		assertThat(Integer.parseInt(lost.getHeader("Retry-After"))).isPositive();
		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("PENDING_PAYMENT"));
		// while the provider's answer is unknown, no other payment and no cancellation
		mvc.perform(pay(orderId, buyer, "{\"method\":\"PAYPAL\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("A card payment of this order is still being processed.")));
		mvc.perform(post("/api/orders/" + orderId + "/cancel").header("Authorization", buyer.bearer()))
			.andExpect(status().isConflict());

		// the customer repeats the request: the provider is asked again under the same payment id
		JsonNode payment = json(mvc.perform(payByCard(orderId, buyer).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.redirectUrl").exists())
			.andReturn());

		Map<UUID, Integer> starts = provider.startsOf(UUID.fromString(orderId));
		assertThat(starts).as("starts by payment id").hasSize(1).containsEntry(id(payment), 2);
		onTestPaymentPage(payment, "succeeded");
		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("PAID"));
		JsonNode paid = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.paid.v1", orderId));
		assertThat(paid.get("paymentId").asString()).isEqualTo(payment.get("id").asString());
		assertThat(orderEvents(orderId)).extracting(TopicReader.Message::type).containsOnlyOnce("portal.order.paid.v1");

		// and a further repeat is answered from the first answer, without asking the provider
		mvc.perform(payByCard(orderId, buyer).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.id").value(payment.get("id").asString()));
		assertThat(provider.startsOf(UUID.fromString(orderId))).isEqualTo(starts);
	}

	@Test
	void aProviderThatAnswersTooLateGets503AndTheReconcilerRecordsItsPageLater() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		provider.troubleNextStart(UUID.fromString(orderId), Trouble.ANSWERS_LATE);

		mvc.perform(payByCard(orderId, buyer))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.traceId").exists());
		JsonNode pending = json(mvc.perform(get("/api/orders/" + orderId + "/payments").header("Authorization", buyer.bearer()))
			.andReturn()).at("/items/0");
		assertThat(pending.get("status").asString()).isEqualTo("PENDING");
		assertThat(pending.get("redirectUrl").isNull()).isTrue();
		provider.release();

		// once the payment has waited longer than portal.order.payments.reconcile-after, the provider is asked again
		clock.advance(Duration.ofMinutes(2));
		JsonNode opened = await().atMost(Duration.ofSeconds(30))
			.until(() -> json(mvc.perform(get("/api/orders/" + orderId + "/payments").header("Authorization", buyer.bearer()))
				.andReturn()).at("/items/0"), payment -> payment.get("redirectUrl").isString());
		assertThat(opened.get("id").asString()).isEqualTo(pending.get("id").asString());
		assertThat(provider.startsOf(UUID.fromString(orderId))).hasSize(1).containsEntry(id(pending), 2);

		onTestPaymentPage(opened, "succeeded");
		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("PAID"));
		JsonNode paid = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.paid.v1", orderId));
		assertThat(paid.get("paymentId").asString()).isEqualTo(pending.get("id").asString());
	}

	@Test
	void aStartThatNeverReachedTheProviderIsMadeByTheReconcilerAndANewPaymentReplacesIt() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		provider.troubleNextStart(UUID.fromString(orderId), Trouble.NOT_RECEIVED);
		mvc.perform(payByCard(orderId, buyer)).andExpect(status().isServiceUnavailable());

		clock.advance(Duration.ofMinutes(2));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select redirect_url is not null from payment where order_id = ?::uuid")
				.param(orderId)
				.query(Boolean.class)
				.single());

		// the customer, who never saw that page, pays again: the unfinished payment is replaced
		JsonNode payment = startCardPayment(orderId, buyer);
		mvc.perform(get("/api/orders/" + orderId + "/payments").header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.items[0].status").value("CANCELLED"))
			.andExpect(jsonPath("$.items[1].id").value(payment.get("id").asString()))
			.andExpect(jsonPath("$.totalItems").value(2));
		onTestPaymentPage(payment, "succeeded");
		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("PAID"));
	}

	@Test
	void whileTheProviderCircuitIsOpenPaymentsAnswer503AtOnceAndRecordNothing() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		CircuitBreaker circuit = circuitBreakers.circuitBreaker(GuardedPaymentProvider.NAME);
		circuit.transitionToForcedOpenState();
		try {
			mvc.perform(payByCard(orderId, buyer).header("Idempotency-Key", UUID.randomUUID().toString()))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "30"))
				.andExpect(jsonPath("$.detail").value(Payments.UNAVAILABLE));
		}
		finally {
			circuit.transitionToClosedState();
		}
		// operators see the circuit in the metrics
		assertThat(Actuator.get(managementPort, "/actuator/prometheus").body())
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"payment-provider\"");
		assertThat(jdbc.sql("select count(*) from payment where order_id = ?::uuid").param(orderId).query(Long.class).single())
			.isZero();
		assertThat(provider.startsOf(UUID.fromString(orderId))).isEmpty();
		mvc.perform(payByCard(orderId, buyer)).andExpect(status().isCreated());
	}

}
