package org.customerportal.notification.reminder;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.customerportal.notification.reminder.LicenceEvents.LicenceEndKnown;
import org.customerportal.notification.reminder.LicenceEvents.LicenceExpired;
import org.customerportal.platform.events.EventHandlers;
import org.customerportal.platform.events.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Licence events change when reminders are due. Trials get none (their type carries no renewal);
 * quota increases and upgrades do not move an end date and are skipped.
 */
@Component
class LicenceEventHandlers {

	static final String CONSUMER = "notification-service.licences";

	private final Inbox inbox;

	private final EventHandlers handlers;

	LicenceEventHandlers(Inbox inbox, ReminderSchedule schedule) {
		this.inbox = inbox;
		this.handlers = EventHandlers.builder()
			.on(LicenceEvents.ISSUED, LicenceEndKnown.class, event -> ends(schedule, event))
			.on(LicenceEvents.RENEWED, LicenceEndKnown.class, event -> ends(schedule, event))
			.on(LicenceEvents.EXPIRED, LicenceExpired.class,
					event -> schedule.licenceExpired(event.licenseId(), event.expiredOn()))
			.build();
	}

	private static void ends(ReminderSchedule schedule, LicenceEndKnown event) {
		schedule.licenceEnds(event.licenseId(), event.orderId(), event.organizationId(), event.product(),
				event.licenceType(), event.endDate());
	}

	@KafkaListener(topics = "portal.license.events", groupId = CONSUMER)
	void on(ConsumerRecord<String, byte[]> record) {
		inbox.receive(record, CONSUMER, handlers);
	}

}
