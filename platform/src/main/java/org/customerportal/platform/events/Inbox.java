package org.customerportal.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an incoming event at most once per consumer: the event id is recorded in the same
 * transaction as the effect, so a redelivered event changes nothing. Call it from a
 * {@code @KafkaListener} taking a {@code ConsumerRecord<String, byte[]>}; a failing effect rolls back
 * and is retried by the platform's error handler, then dead-lettered. An event whose {@code source} is
 * not the topic's owner is never applied: whoever else can write to a topic cannot forge its events.
 */
public class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper mapper;

	private final Map<String, String> owners;

	/**
	 * @param owners the application that owns each topic (see {@code portal.events.owners})
	 */
	public Inbox(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper mapper, Map<String, String> owners) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.mapper = mapper;
		this.owners = Map.copyOf(owners);
	}

	public void receive(ConsumerRecord<String, byte[]> record, String consumer, EventHandlers handlers) {
		IncomingEvent event = parse(record);
		checkSource(record, event);
		EventHandlers.Handler<?> handler = handlers.find(event.type()).orElse(null);
		if (handler == null) {
			log.debug("{} skips event type {} ({})", consumer, event.type(), event.id());
			return;
		}
		Object payload = bind(event, handler.type());
		transactions.executeWithoutResult(status -> {
			if (firstDelivery(event.id(), consumer)) {
				handler.apply(payload);
			}
			else {
				log.debug("{} already applied event {}", consumer, event.id());
			}
		});
	}

	/**
	 * Records the event id for the consumer; false if it was recorded before. Must run inside the
	 * transaction of the effect.
	 */
	public boolean firstDelivery(String eventId, String consumer) {
		return jdbc.update("insert into inbox_event (event_id, consumer) values (?, ?) on conflict do nothing",
				eventId, consumer) == 1;
	}

	IncomingEvent parse(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			throw new PoisonMessageException("Empty message at " + position(record), null);
		}
		try {
			IncomingEvent event = mapper.readValue(record.value(), IncomingEvent.class);
			if (event.id() == null || event.type() == null || event.data() == null) {
				throw new PoisonMessageException("Not a CloudEvent (id, type and data are required) at "
						+ position(record), null);
			}
			return event;
		}
		catch (JacksonException ex) {
			String start = new String(record.value(), 0, Math.min(record.value().length, 80), StandardCharsets.UTF_8);
			throw new PoisonMessageException("Not a JSON CloudEvent at " + position(record) + ": " + start, ex);
		}
	}

	private void checkSource(ConsumerRecord<String, byte[]> record, IncomingEvent event) {
		String owner = owners.get(record.topic());
		if (owner == null) {
			throw new PoisonMessageException("Event " + event.id() + " at " + position(record)
					+ " is not applied: no owner is configured for topic " + record.topic() + " (portal.events.owners)",
					null);
		}
		if (!CloudEvent.sourceOf(owner).equals(event.source())) {
			// a principal that may write to the topic but is not its owner: worth an operator's attention
			log.warn("Event {} at {} claims source {} but only {} publishes on {}: not applied", event.id(),
					position(record), event.source(), owner, record.topic());
			throw new PoisonMessageException("Event " + event.id() + " at " + position(record) + " has source "
					+ event.source() + ", not the topic's owner " + CloudEvent.sourceOf(owner), null);
		}
	}

	private Object bind(IncomingEvent event, Class<?> type) {
		try {
			return mapper.treeToValue(event.data(), type);
		}
		catch (JacksonException ex) {
			throw new PoisonMessageException(
					"Event " + event.id() + " of type " + event.type() + " does not bind to " + type.getSimpleName(), ex);
		}
	}

	private static String position(ConsumerRecord<?, ?> record) {
		return record.topic() + "-" + record.partition() + "@" + record.offset();
	}

}
