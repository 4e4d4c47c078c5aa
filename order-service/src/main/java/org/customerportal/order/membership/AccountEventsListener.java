package org.customerportal.order.membership;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.customerportal.order.membership.AccountEvents.MemberJoined;
import org.customerportal.order.membership.AccountEvents.MemberRemoved;
import org.customerportal.order.membership.AccountEvents.OrganizationCreated;
import org.customerportal.order.membership.AccountEvents.PrimaryContactChanged;
import org.customerportal.order.membership.AccountEvents.UserRemoved;
import org.customerportal.platform.events.EventHandlers;
import org.customerportal.platform.events.Inbox;
import org.customerportal.platform.time.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the membership read model from {@code portal.account.events}, through the inbox: each event
 * is applied once.
 */
@Component
class AccountEventsListener {

	static final String CONSUMER = "order-service.accounts";

	private static final Logger log = LoggerFactory.getLogger(AccountEventsListener.class);

	private final Inbox inbox;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Memberships memberships;

	private final Clock clock;

	private final EventHandlers handlers;

	AccountEventsListener(Inbox inbox, JdbcClient jdbc, Memberships memberships, ApplicationEventPublisher events,
			Clock clock) {
		this.inbox = inbox;
		this.jdbc = jdbc;
		this.memberships = memberships;
		this.events = events;
		this.clock = clock;
		this.handlers = EventHandlers.builder()
			.on("portal.organization.created.v1", OrganizationCreated.class, this::organizationCreated)
			.on("portal.member.joined.v1", MemberJoined.class, this::memberJoined)
			.on("portal.member.removed.v1", MemberRemoved.class, this::memberRemoved)
			.on("portal.primary-contact.changed.v1", PrimaryContactChanged.class, this::primaryContactChanged)
			.on("portal.user.removed.v1", UserRemoved.class, this::userRemoved)
			.build();
	}

	@KafkaListener(topics = "portal.account.events")
	void on(ConsumerRecord<String, byte[]> record) {
		inbox.receive(record, CONSUMER, handlers);
	}

	void organizationCreated(OrganizationCreated event) {
		jdbc.sql("""
				insert into organization (id, name, primary_contact_id, updated_at) values (?, ?, ?, ?)
				on conflict (id) do update set name = excluded.name, primary_contact_id = excluded.primary_contact_id,
				                               updated_at = excluded.updated_at
				""")
			.params(event.organizationId(), event.name(), event.primaryContactId(), now())
			.update();
	}

	void memberJoined(MemberJoined event) {
		boolean joined = memberships.join(event.organizationId(), event.userId(), event.email(), event.name(),
				event.occurredAt() != null ? Timestamps.of(event.occurredAt()) : now());
		if (!joined) {
			log.info("Skipping member.joined of removed user {} in organisation {}", event.userId(),
					event.organizationId());
		}
	}

	void memberRemoved(MemberRemoved event) {
		jdbc.sql("delete from membership where organization_id = ? and user_id = ?")
			.params(event.organizationId(), event.userId())
			.update();
		events.publishEvent(new MembershipEnded(event.userId(), event.organizationId()));
	}

	void primaryContactChanged(PrimaryContactChanged event) {
		jdbc.sql("update organization set primary_contact_id = ?, updated_at = ? where id = ?")
			.params(event.userId(), now(), event.organizationId())
			.update();
	}

	void userRemoved(UserRemoved event) {
		jdbc.sql("insert into removed_user (user_id, removed_at) values (?, ?) on conflict do nothing")
			.params(event.userId(), now())
			.update();
		jdbc.sql("delete from membership where user_id = ?").param(event.userId()).update();
		events.publishEvent(new MembershipEnded(event.userId(), null));
	}

	private OffsetDateTime now() {
		return Timestamps.now(clock);
	}

}
