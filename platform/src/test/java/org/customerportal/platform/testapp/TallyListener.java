package org.customerportal.platform.testapp;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.customerportal.platform.events.EventHandlers;
import org.customerportal.platform.events.Inbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Counts widgets sold, once per event, as a consuming service would. */
@Component
class TallyListener {

	static final String TOPIC = "platform-test.sales";

	private final Inbox inbox;

	private final JdbcTemplate jdbc;

	private final EventHandlers handlers;

	TallyListener(Inbox inbox, JdbcTemplate jdbc) {
		this.inbox = inbox;
		this.jdbc = jdbc;
		this.handlers = EventHandlers.builder().on("portal.widget.sold.v1", WidgetSold.class, this::count).build();
	}

	record WidgetSold(String name, int quantity) {
	}

	@KafkaListener(topics = TOPIC)
	void on(ConsumerRecord<String, byte[]> record) {
		inbox.receive(record, "platform-test.tally", handlers);
	}

	private void count(WidgetSold sold) {
		if (sold.name().equals("cursed")) {
			throw new IllegalStateException("cursed widgets cannot be counted");
		}
		jdbc.update("insert into widget_tally (name, sold) values (?, ?) "
				+ "on conflict (name) do update set sold = widget_tally.sold + excluded.sold", sold.name(),
				sold.quantity());
	}

}
