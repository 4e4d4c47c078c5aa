package org.customerportal.license.orders;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.customerportal.license.audience.OrderContacts;
import org.customerportal.license.orders.OrderEvents.ContactAdded;
import org.customerportal.license.orders.OrderEvents.ContactRemoved;
import org.customerportal.license.orders.OrderEvents.OrderPaid;
import org.customerportal.license.orders.OrderEvents.OrderPlaced;
import org.customerportal.platform.events.EventHandlers;
import org.customerportal.platform.events.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code portal.order.events}: the contacts of each order (who sees its licences) and the paid
 * orders that issue, renew, expand or upgrade licences. Each event is applied once (inbox).
 */
@Component
class OrderEventsListener {

	private final Inbox inbox;

	private final OrderContacts contacts;

	private final OrderFulfilment fulfilment;

	private final EventHandlers handlers;

	OrderEventsListener(Inbox inbox, OrderContacts contacts, OrderFulfilment fulfilment) {
		this.inbox = inbox;
		this.contacts = contacts;
		this.fulfilment = fulfilment;
		this.handlers = EventHandlers.builder()
			.on(OrderEvents.PLACED, OrderPlaced.class, this::placed)
			.on(OrderEvents.PAID, OrderPaid.class, this::paid)
			.on(OrderEvents.CONTACT_ADDED, ContactAdded.class, this::contactAdded)
			.on(OrderEvents.CONTACT_REMOVED, ContactRemoved.class, this::contactRemoved)
			.build();
	}

	@KafkaListener(id = "license-service.orders", topics = OrderEvents.TOPIC)
	void on(ConsumerRecord<String, byte[]> record) {
		inbox.receive(record, "license-service.orders", handlers);
	}

	private void placed(OrderPlaced event) {
		contacts.orderKnown(event.orderId(), event.organizationId());
		contacts.add(event.orderId(), contactsOf(event.contacts()));
	}

	private void paid(OrderPaid event) {
		contacts.orderKnown(event.orderId(), event.organizationId());
		if (event.contacts() != null) {
			// events of one order arrive in order: the paid order's list is the current one
			contacts.replace(event.orderId(), contactsOf(event.contacts()));
		}
		fulfilment.fulfil(event);
	}

	private void contactAdded(ContactAdded event) {
		contacts.orderKnown(event.orderId(), event.organizationId());
		contacts.add(event.orderId(), new OrderContacts.Contact(event.userId(), event.email()));
	}

	private void contactRemoved(ContactRemoved event) {
		contacts.remove(event.orderId(), event.userId());
	}

	private static List<OrderContacts.Contact> contactsOf(List<OrderEvents.Contact> contacts) {
		return contacts == null ? List.of()
				: contacts.stream()
					.filter(c -> c.userId() != null)
					.map(c -> new OrderContacts.Contact(c.userId(), c.email()))
					.toList();
	}

}
