package org.customerportal.order.membership;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.customerportal.platform.membership.MembershipLookup;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.time.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who belongs to which organisation: the read model built from account-service's events. A caller
 * whose {@code member.joined} has not arrived yet is confirmed by asking account-service once.
 */
@Component
public class Memberships {

	private final JdbcClient jdbc;

	private final MembershipLookup owner;

	private final Clock clock;

	Memberships(JdbcClient jdbc, MembershipLookup owner, Clock clock) {
		this.jdbc = jdbc;
		this.owner = owner;
		this.clock = clock;
	}

	/**
	 * The caller as a member of the organisation. If the read model does not know them yet (they have
	 * just created or joined it), account-service is asked, and what it confirms is recorded here as
	 * {@code member.joined} will record it. It may wait for account-service: call it outside
	 * transactions.
	 */
	public Optional<Member> caller(UUID organizationId, CurrentUser caller) {
		Optional<Member> known = member(organizationId, caller.subject());
		if (known.isPresent()) {
			return known;
		}
		return owner.confirm(organizationId, caller)
			.filter(confirmed -> confirmed.email() != null)
			.flatMap(confirmed -> {
				join(organizationId, confirmed.userId(), confirmed.email(), confirmed.name(), Timestamps.now(clock));
				// still empty for an account removed for good meanwhile
				return member(organizationId, caller.subject());
			});
	}

	/**
	 * Records a membership; a repeat (the {@code member.joined} that follows an owner's confirmation)
	 * updates it. An account removed for good is never recorded again.
	 * @return false if the account was removed for good
	 */
	boolean join(UUID organizationId, String userId, String email, String name, OffsetDateTime joinedAt) {
		return jdbc.sql("""
				insert into membership (organization_id, user_id, email, name, joined_at)
				select ?, ?, ?, ?, ? where not exists (select 1 from removed_user where user_id = ?)
				on conflict (organization_id, user_id) do update set email = excluded.email, name = excluded.name
				""")
			.params(organizationId, userId, email, name, joinedAt, userId)
			.update() > 0;
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

	/** The organisation's name, if account-service has announced it. */
	public Optional<String> organizationName(UUID organizationId) {
		return jdbc.sql("select name from organization where id = ?").param(organizationId).query(String.class).optional();
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
