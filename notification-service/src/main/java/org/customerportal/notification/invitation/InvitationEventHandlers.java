package org.customerportal.notification.invitation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.customerportal.notification.mail.MailKind;
import org.customerportal.notification.mail.MailQueue;
import org.customerportal.platform.events.EventHandlers;
import org.customerportal.platform.events.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Mails an invitation with its accept link when account-service creates one (also when a member resends
 * one); a withdrawn or replaced invitation's mail still waiting to be sent is cancelled.
 */
@Component
class InvitationEventHandlers {

	static final String CONSUMER = "notification-service.invitations";

	static final String INVITATION_CREATED = "portal.invitation.created.v1";

	static final String INVITATION_WITHDRAWN = "portal.invitation.withdrawn.v1";

	private final Inbox inbox;

	private final EventHandlers handlers;

	InvitationEventHandlers(Inbox inbox, MailQueue mailQueue) {
		this.inbox = inbox;
		this.handlers = EventHandlers.builder()
			.on(INVITATION_CREATED, InvitationCreated.class, event -> invite(mailQueue, event))
			.on(INVITATION_WITHDRAWN, InvitationWithdrawn.class,
					event -> mailQueue.cancelQueued(MailKind.INVITATION, String.valueOf(event.invitationId())))
			.build();
	}

	record InvitationCreated(UUID invitationId, UUID organizationId, String organizationName, String email,
			String invitedByName, String acceptUrl, Instant expiresAt, UUID replacesInvitationId) {
	}

	record InvitationWithdrawn(UUID invitationId) {
	}

	private static void invite(MailQueue mailQueue, InvitationCreated event) {
		if (event.email() == null || event.acceptUrl() == null) {
			throw new IllegalArgumentException("Invitation " + event.invitationId() + " has no e-mail or accept link");
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("invitationId", event.invitationId());
		model.put("organizationName", event.organizationName());
		model.put("invitedByName", event.invitedByName());
		model.put("acceptUrl", event.acceptUrl());
		model.put("expiresAt", event.expiresAt());
		if (event.replacesInvitationId() != null) {
			// resent: the old link is void, so its mail need not go out if it is still waiting
			mailQueue.cancelQueued(MailKind.INVITATION, String.valueOf(event.replacesInvitationId()));
		}
		mailQueue.enqueue(MailKind.INVITATION, event.email(), String.valueOf(event.invitationId()), model);
	}

	@KafkaListener(topics = "portal.account.events", groupId = CONSUMER)
	void on(ConsumerRecord<String, byte[]> record) {
		inbox.receive(record, CONSUMER, handlers);
	}

}
