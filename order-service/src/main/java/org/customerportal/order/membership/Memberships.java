package org.customerportal.order.membership;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who belongs to which organisation: the read model built from account-service's events. A person
 * whose {@code member.joined} has not arrived yet is not a member here.
 */
@Component
public class Memberships {

	private final JdbcClient jdbc;

	Memberships(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean isMember(UUID organizationId, String userId) {
		return member(organizationId, userId).isPresent();
	}

	public Optional<Member> member(UUID organizationId, String userId) {
		return jdbc.sql("""
				select organization_id, user_id, email, name from membership
				where organization_id = ? and user_id = ?
				""")
			.params(organizationId, userId)
			.query(Member.class)
			.optional();
	}

	public Optional<Member> memberByEmail(UUID organizationId, String email) {
		return jdbc.sql("""
				select organization_id, user_id, email, name from membership
				where organization_id = ? and lower(email) = lower(?)
				order by joined_at limit 1
				""")
			.params(organizationId, email.strip())
			.query(Member.class)
			.optional();
	}

	/** The organisation's primary contact, if they are (still) a member. */
	public Optional<Member> primaryContact(UUID organizationId) {
		return jdbc.sql("""
				select m.organization_id, m.user_id, m.email, m.name
				from organization o join membership m on m.organization_id = o.id and m.user_id = o.primary_contact_id
				where o.id = ?
				""")
			.param(organizationId)
			.query(Member.class)
			.optional();
	}

}
