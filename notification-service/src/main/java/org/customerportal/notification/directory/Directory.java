package org.customerportal.notification.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.customerportal.notification.EmailAddresses;
import org.customerportal.notification.directory.OrderEvents.Contact;
import org.customerportal.notification.directory.OrderEvents.Line;
import org.customerportal.notification.mail.MailQueue;
import org.customerportal.notification.preference.MailPreferences;
import org.customerportal.platform.time.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read model of people and order contacts: who the current contacts of an order are is what the
 * reminder scan reads when a reminder is due.
 */
@Component
class Directory {

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final MailQueue mailQueue;

	private final MailPreferences preferences;

	private final Clock clock;

	Directory(JdbcClient jdbc, JdbcTemplate batches, MailQueue mailQueue, MailPreferences preferences, Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.mailQueue = mailQueue;
		this.preferences = preferences;
		this.clock = clock;
	}

	void personJoined(String userId, String email, String name) {
		if (userId == null || email == null) {
			return;
		}
		jdbc.sql("""
				insert into person (user_id, email, name, updated_at) values (?, ?, ?, ?)
				on conflict (user_id) do update set email = excluded.email, name = coalesce(excluded.name, person.name),
				  updated_at = excluded.updated_at""")
			.params(userId, EmailAddresses.normalize(email), name, Timestamps.now(clock))
			.update();
	}

	/**
	 * A person removed for good leaves every contact list and every mailing: their contact rows,
	 * preferences and any mail still waiting for them go.
	 */
	void personRemoved(String userId) {
		Set<String> emails = new LinkedHashSet<>();
		emails.addAll(jdbc.sql("select email from person where user_id = ?").param(userId).query(String.class).list());
		emails.addAll(jdbc.sql("select distinct email from order_contact where user_id = ?")
			.param(userId)
			.query(String.class)
			.list());
		jdbc.sql("delete from order_contact where user_id = ?").param(userId).update();
		jdbc.sql("delete from person where user_id = ?").param(userId).update();
		preferences.forget(emails);
		mailQueue.cancelQueuedTo(emails);
	}

	/** The order's whole contact list as the event states it. */
	void contactsAre(UUID orderId, List<Contact> contacts) {
		List<Contact> valid = contacts.stream().filter(c -> c.userId() != null && c.email() != null).toList();
		jdbc.sql("delete from order_contact where order_id = :order and not (user_id in (:users))")
			.param("order", orderId)
			.param("users", valid.isEmpty() ? List.of("") : valid.stream().map(Contact::userId).toList())
			.update();
		List<Object[]> rows = new ArrayList<>();
		for (Contact contact : valid) {
			rows.add(new Object[] { orderId, contact.userId(), EmailAddresses.normalize(contact.email()) });
		}
		batches.batchUpdate("""
				insert into order_contact (order_id, user_id, email) values (?, ?, ?)
				on conflict (order_id, user_id) do update set email = excluded.email""", rows);
	}

	void contactAdded(UUID orderId, String userId, String email) {
		if (userId == null || email == null) {
			return;
		}
		jdbc.sql("""
				insert into order_contact (order_id, user_id, email) values (?, ?, ?)
				on conflict (order_id, user_id) do update set email = excluded.email""")
			.params(orderId, userId, EmailAddresses.normalize(email))
			.update();
	}

	/**
	 * A removed contact gets no more reminders for the order's licences, including those already
	 * queued but not yet sent.
	 */
	void contactRemoved(UUID orderId, String userId, String email) {
		List<String> emails = jdbc.sql("delete from order_contact where order_id = ? and user_id = ? returning email")
			.params(orderId, userId)
			.query(String.class)
			.list();
		Set<String> addresses = new LinkedHashSet<>(emails);
		if (email != null) {
			addresses.add(EmailAddresses.normalize(email));
		}
		for (String address : addresses) {
			boolean stillContact = jdbc.sql("select exists (select 1 from order_contact where order_id = ? and email = ?)")
				.params(orderId, address)
				.query(Boolean.class)
				.single();
			if (!stillContact) {
				mailQueue.cancelQueuedReminders(address, orderId);
			}
		}
	}

	void productsNamed(List<Line> lines) {
		List<Object[]> rows = lines.stream()
			.filter(line -> line.product() != null && line.productName() != null && !line.productName().isBlank())
			.distinct()
			.map(line -> new Object[] { line.product(), line.productName() })
			.toList();
		batches.batchUpdate("""
				insert into product (code, name) values (?, ?)
				on conflict (code) do update set name = excluded.name where product.name <> excluded.name""", rows);
	}

}
