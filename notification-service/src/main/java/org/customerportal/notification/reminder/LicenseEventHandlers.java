package org.customerportal.notification.reminder;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.customerportal.notification.reminder.LicenseEvents.LicenseEndKnown;
import org.customerportal.notification.reminder.LicenseEvents.LicenseExpired;
import org.customerportal.notification.reminder.LicenseEvents.LicenseRevoked;
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
class LicenseEventHandlers {

	static final String CONSUMER = "notification-service.licences";

	private final Inbox inbox;

	private final EventHandlers handlers;

	LicenseEventHandlers(Inbox inbox, ReminderSchedule schedule, Revocations revocations) {
		this.inbox = inbox;
		this.handlers = EventHandlers.builder()
			.on(LicenseEvents.ISSUED, LicenseEndKnown.class, event -> ends(schedule, event))
			.on(LicenseEvents.RENEWED, LicenseEndKnown.class, event -> ends(schedule, event))
			.on(LicenseEvents.EXPIRED, LicenseExpired.class,
					event -> schedule.licenseExpired(event.licenseId(), event.expiredOn()))
			.on(LicenseEvents.REVOKED, LicenseRevoked.class, revocations::revoked)
			// reinstated: the series of the licence's end date resumes as if that date were announced again
			.on(LicenseEvents.REINSTATED, LicenseEndKnown.class, event -> ends(schedule, event))
			.build();
	}

	private static void ends(ReminderSchedule schedule, LicenseEndKnown event) {
		schedule.licenseEnds(event.licenseId(), event.orderId(), event.organizationId(), event.product(),
				event.licenseType(), event.endDate());
	}

	@KafkaListener(topics = "portal.license.events", groupId = CONSUMER)
	void on(ConsumerRecord<String, byte[]> record) {
		inbox.receive(record, CONSUMER, handlers);
	}

}
