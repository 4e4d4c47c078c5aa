package org.customerportal.notification.directory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.customerportal.notification.directory.AccountEvents.MemberJoined;
import org.customerportal.notification.directory.AccountEvents.UserRemoved;
import org.customerportal.notification.directory.OrderEvents.ContactChanged;
import org.customerportal.notification.directory.OrderEvents.OrderWithContacts;
import org.customerportal.platform.events.EventHandlers;
import org.customerportal.platform.events.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the directory current from account and order events. Each event is applied once (inbox),
 * in the order of its key: one order's events, one organisation's events.
 */
@Component
class DirectoryEventHandlers {

	static final String CONSUMER = "notification-service.directory";

	private final Inbox inbox;

	private final EventHandlers accountHandlers;

	private final EventHandlers orderHandlers;

	DirectoryEventHandlers(Inbox inbox, Directory directory) {
		this.inbox = inbox;
		this.accountHandlers = EventHandlers.builder()
			.on(AccountEvents.MEMBER_JOINED, MemberJoined.class,
					event -> directory.personJoined(event.userId(), event.email(), event.name()))
			.on(AccountEvents.USER_REMOVED, UserRemoved.class, event -> directory.personRemoved(event.userId()))
			.build();
		this.orderHandlers = EventHandlers.builder()
			.on(OrderEvents.ORDER_PLACED, OrderWithContacts.class, event -> orderSeen(directory, event))
			.on(OrderEvents.ORDER_PAID, OrderWithContacts.class, event -> orderSeen(directory, event))
			.on(OrderEvents.CONTACT_ADDED, ContactChanged.class,
					event -> directory.contactAdded(event.orderId(), event.userId(), event.email()))
			.on(OrderEvents.CONTACT_REMOVED, ContactChanged.class,
					event -> directory.contactRemoved(event.orderId(), event.userId(), event.email()))
			.build();
	}

	private static void orderSeen(Directory directory, OrderWithContacts event) {
		directory.contactsAre(event.orderId(), event.contacts());
		directory.productsNamed(event.lines());
	}

	@KafkaListener(topics = "portal.account.events", groupId = CONSUMER)
	void onAccountEvent(ConsumerRecord<String, byte[]> record) {
		inbox.receive(record, CONSUMER, accountHandlers);
	}

	@KafkaListener(topics = "portal.order.events", groupId = CONSUMER)
	void onOrderEvent(ConsumerRecord<String, byte[]> record) {
		inbox.receive(record, CONSUMER, orderHandlers);
	}

}
