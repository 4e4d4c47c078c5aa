package org.customerportal.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.customerportal.notification.EmailAddresses;
import org.customerportal.notification.preference.RenewalRemindersStopped;
import org.customerportal.platform.time.Timestamps;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where mail is written before it is sent: in the caller's transaction, so a mail exists exactly when
 * the change that caused it committed. The {@link MailWorker} sends it later, retrying while the SMTP
 * server is unreachable.
 */
@Component
public class MailQueue {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	MailQueue(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Queues a mail of a kind that goes once per reference (order or invitation) and recipient.
	 * @return false if that mail was queued before
	 */
	public boolean enqueue(MailKind kind, String recipient, String reference, Map<String, ?> model) {
		if (kind == MailKind.RENEWAL_REMINDER) {
			throw new IllegalArgumentException("Renewal reminders are queued by the reminder scan");
		}
		Instant now = clock.instant();
		return jdbc.sql("""
				insert into outgoing_mail (id, kind, recipient, model, reference, status, next_attempt_at, created_at)
				values (:id, :kind, :recipient, cast(:model as jsonb), :reference, 'QUEUED', :now, :now)
				on conflict do nothing""")
			.param("id", UUID.randomUUID())
			.param("kind", kind.name())
			.param("recipient", EmailAddresses.normalize(recipient))
			.param("model", json.writeValueAsString(model))
			.param("reference", reference)
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	/** Cancels every mail still waiting to go to these addresses (the person was removed). */
	public int cancelQueuedTo(Collection<String> recipients) {
		if (recipients.isEmpty()) {
			return 0;
		}
		return jdbc.sql("update outgoing_mail set status = 'CANCELLED' where status = 'QUEUED' and recipient in (:recipients)")
			.param("recipients", recipients.stream().map(EmailAddresses::normalize).toList())
			.update();
	}

	/** Cancels the mails of this kind and reference still waiting to be sent (e.g. a withdrawn invitation's). */
	public int cancelQueued(MailKind kind, String reference) {
		return jdbc.sql("update outgoing_mail set status = 'CANCELLED' where status = 'QUEUED' and kind = ? and reference = ?")
			.params(kind.name(), reference)
			.update();
	}

	/**
	 * Cancels the licence's renewal reminders still waiting to be sent, except those for the end date it
	 * has now ({@code null}: all of them, e.g. the licence was revoked).
	 */
	public int cancelQueuedReminders(UUID licenseId, LocalDate currentEndDate) {
		return jdbc.sql("""
				update outgoing_mail set status = 'CANCELLED'
				where licence_id = :licence and status = 'QUEUED' and kind = 'RENEWAL_REMINDER'
				  and (cast(:endDate as date) is null or end_date <> :endDate)""")
			.param("licence", licenseId)
			.param("endDate", currentEndDate)
			.update();
	}

	/** Cancels the renewal reminders still waiting to go to an address that is no longer a contact of the order. */
	public int cancelQueuedReminders(String recipient, UUID orderId) {
		return jdbc.sql("""
				update outgoing_mail set status = 'CANCELLED'
				where status = 'QUEUED' and kind = 'RENEWAL_REMINDER' and recipient = ?
				  and licence_id in (select licence_id from licence where order_id = ?)""")
			.params(EmailAddresses.normalize(recipient), orderId)
			.update();
	}

	/** Cancels renewal reminders still waiting to go to this address, in the opt-out's transaction. */
	@EventListener
	void cancelQueuedReminders(RenewalRemindersStopped stopped) {
		cancelQueuedReminders(stopped.email());
	}

	int cancelQueuedReminders(String recipient) {
		return jdbc.sql("""
				update outgoing_mail set status = 'CANCELLED'
				where status = 'QUEUED' and kind = 'RENEWAL_REMINDER' and recipient = :recipient""")
			.param("recipient", EmailAddresses.normalize(recipient))
			.update();
	}

}
