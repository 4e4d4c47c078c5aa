package org.customerportal.license.audience;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.customerportal.platform.membership.MembershipLookup;
import org.customerportal.platform.membership.OwnerMembership;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.time.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see what, from the read models built from order and account events: the current contacts of
 * an order see its licences; the members of an organisation see its trials.
 */
@Component
public class Audience {

	private final JdbcClient jdbc;

	private final MembershipLookup owner;

	private final Clock clock;

	Audience(JdbcClient jdbc, MembershipLookup owner, Clock clock) {
		this.jdbc = jdbc;
		this.owner = owner;
		this.clock = clock;
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

	/**
	 * Like {@link #isMember(UUID, String)}, but a caller the read model does not know yet (they have just
	 * joined) is confirmed by asking account-service, and then recorded as {@code member.joined} will
	 * record them. It may wait for account-service: call it outside transactions.
	 */
	public boolean isMember(UUID organizationId, CurrentUser caller) {
		return isMember(organizationId, caller.subject())
				|| owner.confirm(organizationId, caller).filter(this::recorded).isPresent();
	}

	/**
	 * The caller's organisation (the most recently joined, should there be several); if the read model
	 * does not know the caller yet (they have just created or joined it), as account-service states it,
	 * then recorded as {@code member.joined} will record it. Call it outside transactions.
	 */
	public Optional<UUID> organizationOf(CurrentUser caller) {
		List<UUID> known = jdbc
			.sql("select organization_id from organization_member where user_id = ? order by joined_at desc")
			.param(caller.subject())
			.query(UUID.class)
			.list();
		if (!known.isEmpty()) {
			return Optional.of(known.get(0));
		}
		return owner.organizationOf(caller).filter(this::recorded).map(OwnerMembership::organizationId);
	}

	private boolean recorded(OwnerMembership membership) {
		return join(membership.organizationId(), membership.userId(), membership.email(), clock.instant());
	}

	/**
	 * Records a membership; a repeat (the {@code member.joined} that follows an owner's confirmation)
	 * updates it. A person whose account was removed for good is never recorded again.
	 * @return false if the account was removed for good
	 */
	boolean join(UUID organizationId, String userId, String email, Instant at) {
		return jdbc.sql("""
				insert into organization_member (user_id, organization_id, email, joined_at)
				select ?, ?, ?, ? where not exists (select 1 from removed_user where user_id = ?)
				on conflict (user_id, organization_id) do update set email = excluded.email
				""")
			.params(userId, organizationId, email, Timestamps.of(at), userId)
			.update() > 0;
	}

}
