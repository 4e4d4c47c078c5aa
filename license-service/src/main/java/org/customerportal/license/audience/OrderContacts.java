package org.customerportal.license.audience;

import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the contacts of each order as the order events describe them. A person whose account was removed
 * is never added again by a late event.
 */
@Component
public class OrderContacts {

	private final JdbcClient jdbc;

	OrderContacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Contact(String userId, String email) {
	}

	public void orderKnown(UUID orderId, UUID organizationId) {
		jdbc.sql("insert into customer_order (order_id, organization_id) values (?, ?) on conflict (order_id) do nothing")
			.params(orderId, organizationId)
			.update();
	}

	public void add(UUID orderId, Collection<Contact> contacts) {
		for (Contact contact : contacts) {
			add(orderId, contact);
		}
	}

	public void add(UUID orderId, Contact contact) {
		jdbc.sql("""
				insert into order_contact (order_id, user_id, email)
				select ?, ?, ? where not exists (select 1 from removed_user where user_id = ?)
				on conflict (order_id, user_id) do update set email = excluded.email
				""").params(orderId, contact.userId(), contact.email(), contact.userId()).update();
	}

	/** The order's contact list is exactly these people now. */
	public void replace(UUID orderId, Collection<Contact> contacts) {
		jdbc.sql("delete from order_contact where order_id = ?").param(orderId).update();
		add(orderId, contacts);
	}

	public void remove(UUID orderId, String userId) {
		jdbc.sql("delete from order_contact where order_id = ? and user_id = ?").params(orderId, userId).update();
	}

}
