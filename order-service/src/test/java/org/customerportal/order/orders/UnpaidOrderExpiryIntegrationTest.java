package org.customerportal.order.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.customerportal.order.OrderIntegrationTestSupport;
import org.customerportal.platform.jobs.DueJob;
import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Wire transfer and check orders that are never paid: reminded once some days before their due date,
 * then cancelled with reason EXPIRED, once, however many instances look at them; and the payment
 * instructions are announced once, whether the method is chosen when ordering or at the payment step.
 */
class UnpaidOrderExpiryIntegrationTest extends OrderIntegrationTestSupport {

	private static final String LINES = "[{\"product\":\"MRZ-SCANNER\",\"licenseType\":\"ANNUAL\",\"quota\":1}]";

	@Autowired
	UnpaidOrders unpaidOrders;

	@Autowired
	UnpaidOrderProperties properties;

	@Test
	void anUnpaidWireOrderIsRemindedOnceThenExpiresOnce() throws Exception {
		Person buyer = newOrganization();
		JsonNode order = placeOrder(buyer, LINES, "WIRE_TRANSFER");
		String id = order.get("id").asString();
		Instant dueBy = Instant.parse(order.get("paymentDueBy").asString());
		assertThat(Duration.between(Instant.parse(order.get("createdAt").asString()), dueBy).plusMillis(1).toDays())
			.isEqualTo(properties.expireAfterDays());
		JsonNode placed = awaitEvent(id, "portal.order.placed.v1");
		assertThat(placed.get("paymentDueBy").asString()).isEqualTo(order.get("paymentDueBy").asString());
		// paying by wire at the payment step too announces nothing more: the instructions went out with the order
		mvc.perform(pay(id, buyer, "{\"method\":\"WIRE_TRANSFER\"}")).andExpect(status().isCreated());

		clock.setOffset(Duration.ofDays(properties.expireAfterDays() - properties.reminderDaysBefore() - 1));
		unpaidOrders.run();
		assertThat(orderEvents(id).stream().filter(m -> m.type().equals("portal.order.payment-reminder.v1")))
			.as("not yet due").isEmpty();
		clock.setOffset(Duration.ofDays(properties.expireAfterDays() - properties.reminderDaysBefore()));
		assertThat(unpaidOrders.run().done()).isGreaterThanOrEqualTo(1);
		JsonNode reminder = awaitEvent(id, "portal.order.payment-reminder.v1");
		assertThat(reminder.get("paymentMethod").asString()).isEqualTo("WIRE_TRANSFER");
		assertThat(reminder.get("contacts").get(0).get("email").asString()).isEqualTo(buyer.email());
		unpaidOrders.run();

		clock.setOffset(Duration.ofDays(properties.expireAfterDays()).plusMinutes(1));
		// several instances at once: one of them cancels it
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Callable<DueJob.Run>> runs = List.of(unpaidOrders::run, unpaidOrders::run, unpaidOrders::run);
			for (Future<DueJob.Run> run : pool.invokeAll(runs)) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		mvc.perform(get("/api/orders/" + id).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.cancellationReason").value("EXPIRED"));
		JsonNode cancelled = awaitEvent(id, "portal.order.cancelled.v1");
		assertThat(cancelled.get("reason").asString()).isEqualTo("EXPIRED");
		assertThat(cancelled.get("cancelledBy").asString()).isEqualTo("order-service");
		// support finds the money too late: the order is cancelled and cannot be paid
		mvc.perform(pay(id, buyer, "{\"method\":\"CHECK\"}")).andExpect(status().isConflict());

		unpaidOrders.run();
		List<TopicReader.Message> events = orderEvents(id);
		assertThat(events.stream().filter(m -> m.type().equals("portal.order.payment-reminder.v1"))).hasSize(1);
		assertThat(events.stream().filter(m -> m.type().equals("portal.order.cancelled.v1"))).hasSize(1);
		assertThat(events.stream().filter(m -> m.type().equals("portal.order.awaiting-payment.v1"))).isEmpty();
	}

	@Test
	void choosingWireAtThePaymentStepAnnouncesTheInstructionsOnceAndCardOrdersNeverExpire() throws Exception {
		Person buyer = newOrganization();
		JsonNode order = placeOrder(buyer, LINES);
		String id = order.get("id").asString();
		assertThat(order.get("paymentDueBy").isNull()).as("a card order has no due date").isTrue();

		mvc.perform(pay(id, buyer, "{\"method\":\"WIRE_TRANSFER\"}")).andExpect(status().isCreated());
		JsonNode awaiting = awaitEvent(id, "portal.order.awaiting-payment.v1");
		assertThat(awaiting.get("paymentMethod").asString()).isEqualTo("WIRE_TRANSFER");
		assertThat(awaiting.get("lines").get(0).get("product").asString()).isEqualTo("MRZ-SCANNER");
		mvc.perform(get("/api/orders/" + id).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.paymentDueBy").value(awaiting.get("paymentDueBy").asString()));

		Person other = newOrganization();
		String cardOrder = placeOrder(other, LINES).get("id").asString();
		clock.setOffset(Duration.ofDays(properties.expireAfterDays() + 1));
		unpaidOrders.run();
		mvc.perform(get("/api/orders/" + cardOrder).header("Authorization", other.bearer()))
			.andExpect(jsonPath("$.status").value("PENDING_PAYMENT"));
		assertThat(orderEvents(id).stream().filter(m -> m.type().equals("portal.order.awaiting-payment.v1")))
			.hasSize(1);
	}

	private JsonNode placeOrder(Person person, String lines, String method) throws Exception {
		JsonNode quote = createQuote(person, lines);
		return json(mvc
			.perform(post("/api/quotes/" + quote.get("id").asString() + "/order").header("Authorization", person.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"paymentMethod\":\"" + method + "\"}"))
			.andExpect(status().isCreated())
			.andReturn());
	}

	private static JsonNode awaitEvent(String orderId, String type) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> orderEvents(orderId).stream().filter(m -> m.type().equals(type)).findFirst(),
					java.util.Optional::isPresent)
			.map(OrderIntegrationTestSupport::assertPublishedAsDocumented)
			.orElseThrow();
	}

}
