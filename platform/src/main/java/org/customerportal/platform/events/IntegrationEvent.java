package org.customerportal.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event another service or a billing system may read. Annotate the record with {@link PortalEvent};
 * publish it with {@code ApplicationEventPublisher} inside the transaction that makes the change, and
 * the platform writes it to the outbox and, after commit, to Kafka as a CloudEvent.
 */
public interface IntegrationEvent {

	/** Unique per event and kept on re-delivery, so consumers can drop repeats. */
	UUID eventId();

	Instant occurredAt();

	/** The aggregate the event is about: the CloudEvent subject and the Kafka message key. */
	String subject();

	static UUID newEventId() {
		return UUID.randomUUID();
	}

}
