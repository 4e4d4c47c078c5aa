package org.customerportal.notification.preference;

import java.time.Clock;
import java.util.Collection;

import org.customerportal.notification.EmailAddresses;
import org.customerportal.platform.time.Timestamps;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who wants which mail, by address. Without a row: renewal reminders yes, newsletter no (opt-in).
 * Every change is one atomic upsert, so concurrent changes cannot lose each other's other flag.
 */
@Component
public class MailPreferences {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MailPreferences(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public record Preferences(boolean renewalReminders, boolean newsletter) {

		static final Preferences DEFAULTS = new Preferences(true, false);

	}

	public Preferences of(String email) {
		return jdbc.sql("select renewal_reminders, newsletter from mail_preference where email = ?")
			.param(EmailAddresses.normalize(email))
			.query((rs, row) -> new Preferences(rs.getBoolean(1), rs.getBoolean(2)))
			.optional()
			.orElse(Preferences.DEFAULTS);
	}

	@Transactional
	public Preferences change(String email, Preferences preferences) {
		jdbc.sql("""
				insert into mail_preference (email, renewal_reminders, newsletter, updated_at) values (?, ?, ?, ?)
				on conflict (email) do update
				set renewal_reminders = excluded.renewal_reminders, newsletter = excluded.newsletter,
				    updated_at = excluded.updated_at""")
			.params(EmailAddresses.normalize(email), preferences.renewalReminders(), preferences.newsletter(),
					Timestamps.now(clock))
			.update();
		if (!preferences.renewalReminders()) {
			events.publishEvent(new RenewalRemindersStopped(email));
		}
		return preferences;
	}

	/** Stops one kind of mail for the address; doing it again changes nothing. */
	@Transactional
	public void unsubscribe(String email, UnsubscribeScope scope) {
		String column = switch (scope) {
			case RENEWAL_REMINDERS -> "renewal_reminders";
			case NEWSLETTER -> "newsletter";
		};
		jdbc.sql("""
				insert into mail_preference (email, renewal_reminders, newsletter, updated_at)
				values (:email, :reminders, false, :now)
				on conflict (email) do update set %1$s = false, updated_at = excluded.updated_at
				where mail_preference.%1$s""".formatted(column))
			.param("email", EmailAddresses.normalize(email))
			.param("reminders", scope != UnsubscribeScope.RENEWAL_REMINDERS)
			.param("now", Timestamps.now(clock))
			.update();
		if (scope == UnsubscribeScope.RENEWAL_REMINDERS) {
			events.publishEvent(new RenewalRemindersStopped(email));
		}
	}

	/** Forgets the addresses of a person removed for good. */
	public void forget(Collection<String> emails) {
		if (!emails.isEmpty()) {
			jdbc.sql("delete from mail_preference where email in (:emails)")
				.param("emails", emails.stream().map(EmailAddresses::normalize).toList())
				.update();
		}
	}

}
