package org.customerportal.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The source check runs before anything touches the database, so no database is needed here. */
class InboxSourceTest {

	static final EventHandlers ANY = EventHandlers.builder()
		.on("portal.order.paid.v1", Map.class, paid -> {
			throw new AssertionError("a refused event must not reach its handler");
		})
		.build();

	final Inbox inbox = new Inbox(null, null, new JsonMapper(),
			Map.of("portal.order.events", "order-service"));

	@Test
	void anOrderPaidEventPublishedByAnotherServiceIsPoison() {
		assertThatThrownBy(() -> inbox.receive(record("portal.order.events", "/customer-portal/notification-service"),
				"license-service.orders", ANY))
			.isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("has source /customer-portal/notification-service")
			.hasMessageContaining("not the topic's owner /customer-portal/order-service");
	}

	@Test
	void anEventWithoutSourceIsPoison() {
		assertThatThrownBy(() -> inbox.receive(record("portal.order.events", null), "license-service.orders", ANY))
			.isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("not the topic's owner");
	}

	@Test
	void aTopicWithoutAnOwnerIsRefusedRatherThanTrusted() {
		assertThatThrownBy(() -> inbox.receive(record("portal.payment.events", "/customer-portal/order-service"),
				"license-service.orders", ANY))
			.isInstanceOf(PoisonMessageException.class)
			.hasMessageContaining("no owner is configured for topic portal.payment.events");
	}

	private static ConsumerRecord<String, byte[]> record(String topic, String source) {
		String json = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"type\":\"portal.order.paid.v1\","
				+ (source == null ? "" : "\"source\":\"" + source + "\",")
				+ "\"subject\":\"o-1\",\"data\":{\"orderId\":\"o-1\"}}";
		return new ConsumerRecord<>(topic, 0, 42, "o-1", json.getBytes(StandardCharsets.UTF_8));
	}

}
