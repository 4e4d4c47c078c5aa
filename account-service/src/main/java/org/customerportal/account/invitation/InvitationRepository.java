package org.customerportal.account.invitation;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface InvitationRepository extends ListCrudRepository<Invitation, UUID> {

	Page<Invitation> findByOrganizationIdAndStatusAndExpiresAtAfter(UUID organizationId, Invitation.Status status,
			Instant now, Pageable page);

	/** Marks the pending invitations to this address that have run out as expired, so a new one can be sent. */
	@Modifying
	@Query("""
			update invitation set status = 'EXPIRED', version = version + 1
			where organization_id = :organizationId and lower(email) = lower(:email)
			  and status = 'PENDING' and expires_at <= :now""")
	int expireOverdue(UUID organizationId, String email, Instant now);

	@Query("""
			select exists(select 1 from invitation
			              where organization_id = :organizationId and lower(email) = lower(:email)
			                and status = 'PENDING')""")
	boolean existsPending(UUID organizationId, String email);

	/**
	 * Locks the organisation's row until the transaction ends: invitations of one company are counted and
	 * issued one at a time, so two requests cannot both take the last one of the day.
	 */
	@Query("select id from organization where id = :organizationId for update")
	UUID lockOrganization(UUID organizationId);

	@Query("select count(*) from invitation where organization_id = :organizationId and created_at > :since")
	int countSentSince(UUID organizationId, Instant since);

	@Query("select min(created_at) from invitation where organization_id = :organizationId and created_at > :since")
	Instant firstSentSince(UUID organizationId, Instant since);

	/** Forgets every invitation sent to this address (its owner's account is removed). */
	@Modifying
	@Query("delete from invitation where lower(email) = lower(:email)")
	int deleteAllTo(String email);

}
