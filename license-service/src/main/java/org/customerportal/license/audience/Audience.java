package org.customerportal.license.audience;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see what, from the read models built from order and account events: the current contacts of
 * an order see its licences; the members of an organisation see its trials.
 */
@Component
public class Audience {

	private final JdbcClient jdbc;

	Audience(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean isContact(UUID orderId, String userId) {
		return orderId != null && jdbc.sql("select exists (select 1 from order_contact where order_id = ? and user_id = ?)")
			.params(orderId, userId)
			.query(Boolean.class)
			.single();
	}

	public boolean isMember(UUID organizationId, String userId) {
		return jdbc.sql("select exists (select 1 from organization_member where organization_id = ? and user_id = ?)")
			.params(organizationId, userId)
			.query(Boolean.class)
			.single();
	}

	/** The organisations the person belongs to, the most recently joined first (normally one). */
	public List<UUID> organizationsOf(String userId) {
		return jdbc.sql("select organization_id from organization_member where user_id = ? order by joined_at desc")
			.param(userId)
			.query(UUID.class)
			.list();
	}

}
