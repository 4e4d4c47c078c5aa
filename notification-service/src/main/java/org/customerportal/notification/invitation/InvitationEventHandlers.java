package org.customerportal.notification.invitation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.customerportal.notification.mail.MailKind;
import org.customerportal.notification.mail.Outbox;
import org.customerportal.platform.events.EventHandlers;
import org.customerportal.platform.events.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Mails an invitation with its accept link when account-service creates one.
 */
@Component
class InvitationEventHandlers {

	static final String CONSUMER = "notification-service.invitations";

	static final String INVITATION_CREATED = "portal.invitation.created.v1";

	private final Inbox inbox;

	private final EventHandlers handlers;

	InvitationEventHandlers(Inbox inbox, Outbox outbox) {
		this.inbox = inbox;
		this.handlers = EventHandlers.builder()
			.on(INVITATION_CREATED, InvitationCreated.class, event -> invite(outbox, event))
			.build();
	}

	record InvitationCreated(UUID invitationId, UUID organizationId, String organizationName, String email,
			String invitedByName, String acceptUrl, Instant expiresAt) {
	}

	private static void invite(Outbox outbox, InvitationCreated event) {
		if (event.email() == null || event.acceptUrl() == null) {
			throw new IllegalArgumentException("Invitation " + event.invitationId() + " has no e-mail or accept link");
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("invitationId", event.invitationId());
		model.put("organizationName", event.organizationName());
		model.put("invitedByName", event.invitedByName());
		model.put("acceptUrl", event.acceptUrl());
		model.put("expiresAt", event.expiresAt());
		outbox.enqueue(MailKind.INVITATION, event.email(), String.valueOf(event.invitationId()), model);
	}

	@KafkaListener(topics = "portal.account.events", groupId = CONSUMER)
	void on(ConsumerRecord<String, byte[]> record) {
		inbox.receive(record, CONSUMER, handlers);
	}

}
