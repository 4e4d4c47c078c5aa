package org.customerportal.license.audience;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.customerportal.platform.events.EventHandlers;
import org.customerportal.platform.events.Inbox;
import org.customerportal.platform.time.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Membership from {@code portal.account.events}: members see and extend their organisation's trials; a
 * person who leaves an organisation also leaves the contact lists of its orders; a removed account
 * leaves every contact list.
 */
@Component
class AccountEventsListener {

	static final String TOPIC = "portal.account.events";

	private final Inbox inbox;

	private final JdbcClient jdbc;

	private final Audience audience;

	private final Clock clock;

	private final EventHandlers handlers;

	AccountEventsListener(Inbox inbox, JdbcClient jdbc, Audience audience, Clock clock) {
		this.inbox = inbox;
		this.jdbc = jdbc;
		this.audience = audience;
		this.clock = clock;
		this.handlers = EventHandlers.builder()
			.on("portal.organization.created.v1", OrganizationCreated.class, this::organizationCreated)
			.on("portal.member.joined.v1", MemberJoined.class, this::memberJoined)
			.on("portal.member.removed.v1", MemberRemoved.class, this::memberRemoved)
			.on("portal.user.removed.v1", UserRemoved.class, this::userRemoved)
			.build();
	}

	record OrganizationCreated(UUID organizationId, String primaryContactId, String primaryContactEmail,
			Instant occurredAt) {
	}

	record MemberJoined(UUID organizationId, String userId, String email, Instant occurredAt) {
	}

	record MemberRemoved(UUID organizationId, String userId) {
	}

	record UserRemoved(String userId) {
	}

	@KafkaListener(id = "license-service.accounts", topics = TOPIC)
	void on(ConsumerRecord<String, byte[]> record) {
		inbox.receive(record, "license-service.accounts", handlers);
	}

	private void organizationCreated(OrganizationCreated event) {
		if (event.primaryContactId() != null) {
			join(event.organizationId(), event.primaryContactId(), event.primaryContactEmail(), event.occurredAt());
		}
	}

	private void memberJoined(MemberJoined event) {
		join(event.organizationId(), event.userId(), event.email(), event.occurredAt());
	}

	private void join(UUID organizationId, String userId, String email, Instant at) {
		audience.join(organizationId, userId, email, at != null ? at : clock.instant());
	}

	private void memberRemoved(MemberRemoved event) {
		jdbc.sql("delete from organization_member where organization_id = ? and user_id = ?")
			.params(event.organizationId(), event.userId())
			.update();
		jdbc.sql("""
				delete from order_contact c using customer_order o
				where c.order_id = o.order_id and o.organization_id = ? and c.user_id = ?
				""").params(event.organizationId(), event.userId()).update();
	}

	private void userRemoved(UserRemoved event) {
		jdbc.sql("insert into removed_user (user_id, removed_at) values (?, ?) on conflict do nothing")
			.params(event.userId(), Timestamps.of(clock.instant()))
			.update();
		jdbc.sql("delete from organization_member where user_id = ?").param(event.userId()).update();
		jdbc.sql("delete from order_contact where user_id = ?").param(event.userId()).update();
	}

}
