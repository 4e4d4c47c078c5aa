package org.customerportal.order;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.customerportal.order.payment.ScriptedPaymentProvider;
import org.customerportal.order.payment.ScriptedPaymentProvider.Trouble;
import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Retries and races: an Idempotency-Key makes paying and ordering safe to repeat, and concurrent
 * payments of one order produce one payment.
 */
class IdempotencyIntegrationTest extends OrderIntegrationTestSupport {

	@Autowired
	private ScriptedPaymentProvider provider;

	private static final String LINE = "[{\"product\":\"LABEL-RECOGNIZER\",\"licenseType\":\"ANNUAL\",\"quota\":3}]";

	@Test
	void aRepeatedPaymentWithTheSameKeyAnswersTheSameAndChargesOnce() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		String key = UUID.randomUUID().toString();

		MockHttpServletResponse first = mvc.perform(payByCard(orderId, buyer).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse();
		MockHttpServletResponse repeat = mvc.perform(payByCard(orderId, buyer).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andReturn()
			.getResponse();

		assertThat(JSON.readTree(repeat.getContentAsString())).isEqualTo(JSON.readTree(first.getContentAsString()));
		assertThat(repeat.getHeader("Location")).isEqualTo(first.getHeader("Location"));
		assertThat(payments(orderId)).isEqualTo(1);
		assertThat(provider.startsOf(UUID.fromString(orderId))).hasSize(1);
		onTestPaymentPage(JSON.readTree(first.getContentAsString()), "succeeded");
		ORDER_EVENTS.awaitOne("portal.order.paid.v1", orderId);
		assertThat(orderEvents(orderId)).extracting(TopicReader.Message::type)
			.containsOnlyOnce("portal.order.paid.v1");

		// the same key for another request is a mistake the caller hears about
		mvc.perform(post("/api/orders/" + orderId + "/payments").header("Authorization", buyer.bearer())
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"method\":\"PAYPAL\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("This Idempotency-Key was already used")));
		// without the key, a second payment is refused: the order is paid
		mvc.perform(payByCard(orderId, buyer)).andExpect(status().isConflict());
	}

	@Test
	void aRefusedPaymentKeepsNoKeySoTheCustomerCanRetry() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		String key = UUID.randomUUID().toString();
		provider.troubleNextStart(UUID.fromString(orderId), Trouble.REFUSED);
		mvc.perform(payByCard(orderId, buyer).header("Idempotency-Key", key))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(ScriptedPaymentProvider.REFUSAL));
		mvc.perform(payByCard(orderId, buyer).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"));
		assertThat(payments(orderId)).isEqualTo(1);
	}

	@Test
	void keysBelongToTheirCaller() throws Exception {
		Person buyer = newOrganization();
		Person colleague = newMember(buyer.organizationId());
		JsonNode quote = createQuote(buyer, LINE);
		String key = UUID.randomUUID().toString();
		String orderPath = "/api/quotes/" + quote.get("id").asString() + "/order";

		String first = mvc.perform(post(orderPath).header("Authorization", buyer.bearer()).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		mvc.perform(post(orderPath).header("Authorization", buyer.bearer()).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(JSON.readTree(first).get("id").asString()));
		// the same key from someone else is their own request: the quote is ordered already
		mvc.perform(post(orderPath).header("Authorization", colleague.bearer()).header("Idempotency-Key", key))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("select count(*) from orders where quote_id = ?::uuid")
			.param(quote.get("id").asString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void concurrentPaymentsOfOneOrderProduceOnePayment() throws Exception {
		Person buyer = newOrganization();
		Person colleague = newMember(buyer.organizationId());
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		mvc.perform(post("/api/orders/" + orderId + "/contacts").header("Authorization", buyer.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + colleague.email() + "\"}")).andExpect(status().isCreated());

		List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Person payer = i % 2 == 0 ? buyer : colleague;
			requests.add(i % 4 == 3
					? post("/api/orders/" + orderId + "/payments").header("Authorization", payer.bearer())
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"method\":\"WIRE_TRANSFER\"}")
					: payByCard(orderId, payer).header("Idempotency-Key", UUID.randomUUID().toString()));
		}
		List<Integer> statuses = race(requests);

		// a card payment still open on the provider's page is replaced by a later one; never two live
		assertThat(statuses).contains(201).containsOnly(201, 409);
		assertThat(payments(orderId)).isEqualTo(1);
		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value(org.hamcrest.Matchers.oneOf("PAID", "PENDING_PAYMENT")));
	}

	@Test
	void concurrentRepeatsWithOneKeyChargeOnceAndAllGetTheFirstAnswer() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		String key = UUID.randomUUID().toString();
		List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			requests.add(payByCard(orderId, buyer).header("Idempotency-Key", key));
		}
		assertThat(race(requests)).containsOnly(201);
		assertThat(payments(orderId)).isEqualTo(1);
		assertThat(provider.startsOf(UUID.fromString(orderId))).hasSize(1);
	}

	@Test
	void anOverlongKeyIsRefusedBeforeAnythingHappens() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, LINE).get("id").asString();
		mvc.perform(payByCard(orderId, buyer).header("Idempotency-Key", "k".repeat(256)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("idempotencyKey"));
		assertThat(payments(orderId)).isZero();
	}

	/** Sends the requests at the same moment from as many threads; returns their statuses. */
	private List<Integer> race(List<MockHttpServletRequestBuilder> requests) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(requests.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (MockHttpServletRequestBuilder request : requests) {
				Callable<Integer> call = () -> {
					start.await();
					return mvc.perform(request).andReturn().getResponse().getStatus();
				};
				results.add(pool.submit(call));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get(30, TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Payments that moved or hold money (a declined attempt stays on record as FAILED, and moved none). */
	private long payments(String orderId) {
		return jdbc.sql("select count(*) from payment where order_id = ?::uuid and status in ('PENDING', 'SUCCEEDED')")
			.param(orderId)
			.query(Long.class)
			.single();
	}

}
