package org.customerportal.license.catalog;

import java.time.LocalDate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.customerportal.license.licenses.ProductReleases;
import org.customerportal.platform.events.EventHandlers;
import org.customerportal.platform.events.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code portal.catalog.events} (order-service's catalogue) for the releases of each product: the
 * newest major version is what trials start on and how far free upgrades go. Each event is applied once
 * (inbox); a tolerant reader of the fields it needs (docs/events.md).
 */
@Component
class CatalogEventsListener {

	static final String TOPIC = "portal.catalog.events";

	static final String RELEASED = "portal.product.released.v1";

	private final Inbox inbox;

	private final ProductReleases releases;

	private final EventHandlers handlers;

	CatalogEventsListener(Inbox inbox, ProductReleases releases) {
		this.inbox = inbox;
		this.releases = releases;
		this.handlers = EventHandlers.builder().on(RELEASED, ProductReleased.class, this::released).build();
	}

	record ProductReleased(String product, Integer majorVersion, LocalDate releasedOn) {
	}

	@KafkaListener(id = "license-service.catalog", topics = TOPIC)
	void on(ConsumerRecord<String, byte[]> record) {
		inbox.receive(record, "license-service.catalog", handlers);
	}

	private void released(ProductReleased event) {
		if (event.product() != null && event.majorVersion() != null) {
			releases.seen(event.product(), event.majorVersion());
		}
	}

}
