package org.customerportal.notification.reminder;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.customerportal.notification.reminder.LicenceEvents.LicenceEndKnown;
import org.customerportal.notification.reminder.LicenceEvents.LicenceExpired;
import org.customerportal.notification.reminder.LicenceEvents.LicenceRevoked;
import org.customerportal.platform.events.EventHandlers;
import org.customerportal.platform.events.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Licence events change when reminders are due. Trials get none (their type carries no renewal);
 * quota increases and upgrades do not move an end date and are skipped. A revocation stops the reminders
 * and tells the contacts; a reinstatement resumes them.
 */
@Component
class LicenceEventHandlers {

	static final String CONSUMER = "notification-service.licences";

	private final Inbox inbox;

	private final EventHandlers handlers;

	LicenceEventHandlers(Inbox inbox, ReminderSchedule schedule, Revocations revocations) {
		this.inbox = inbox;
		this.handlers = EventHandlers.builder()
			.on(LicenceEvents.ISSUED, LicenceEndKnown.class, event -> ends(schedule, event))
			.on(LicenceEvents.RENEWED, LicenceEndKnown.class, event -> ends(schedule, event))
			.on(LicenceEvents.EXPIRED, LicenceExpired.class,
					event -> schedule.licenceExpired(event.licenseId(), event.expiredOn()))
			.on(LicenceEvents.REVOKED, LicenceRevoked.class, revocations::revoked)
			// reinstated: the series of the licence's end date resumes as if that date were announced again
			.on(LicenceEvents.REINSTATED, LicenceEndKnown.class, event -> ends(schedule, event))
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
