package org.customerportal.account.organization;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.problem.ForbiddenException;
import org.customerportal.platform.problem.NotFoundException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.util.Assert;

/**
 * A customer's company account: its members and its one primary contact, who is always a member. The
 * primary contact can be assigned by the current primary contact or by support, and cannot be removed
 * (nor leave) until someone else has been assigned. Only when the last member's account is removed
 * does the organisation have no primary contact.
 */
@Table("organization")
public class Organization {

	static final String ONLY_PRIMARY_CONTACT_CAN_ASSIGN = "Only the current primary contact can assign a new primary contact.";

	static final String NEW_PRIMARY_CONTACT_MUST_BE_MEMBER = "The new primary contact must be a member of the organization. Invite them first.";

	static final String PRIMARY_CONTACT_CANNOT_LEAVE = "The primary contact cannot be removed or leave the organization until another primary contact is assigned.";

	static final String NOT_A_MEMBER = "This person is not a member of the organization.";

	static final String ALREADY_A_MEMBER = "You are already a member of this organization.";

	@Id
	private final UUID id;

	private final String name;

	private String primaryContactId;

	private final Instant createdAt;

	@Version
	private Long version;

	@MappedCollection(idColumn = "organization_id")
	private final Set<Membership> members;

	@PersistenceCreator
	Organization(UUID id, String name, String primaryContactId, Instant createdAt, Long version,
			Set<Membership> members) {
		this.id = id;
		this.name = name;
		this.primaryContactId = primaryContactId;
		this.createdAt = createdAt;
		this.version = version;
		this.members = new HashSet<>(members);
	}

	/** A new organisation whose creator is its first member and its primary contact. */
	static Organization create(String name, String creatorId, Instant now) {
		Assert.hasText(name, "name must not be blank");
		return new Organization(UUID.randomUUID(), name.strip(), creatorId, now, null,
				Set.of(new Membership(creatorId, now)));
	}

	public UUID id() {
		return id;
	}

	public String name() {
		return name;
	}

	/** Empty only when every member's account has been removed. */
	public Optional<String> primaryContactId() {
		return Optional.ofNullable(primaryContactId);
	}

	public Instant createdAt() {
		return createdAt;
	}

	public boolean isMember(String userId) {
		return members.stream().anyMatch(m -> m.userId().equals(userId));
	}

	public boolean isPrimaryContact(String userId) {
		return userId.equals(primaryContactId);
	}

	/** The members, longest-standing first. */
	List<Membership> members() {
		return members.stream().sorted(SENIORITY).toList();
	}

	/**
	 * Adds a member. Someone joining an organisation without a primary contact (its last member's
	 * account was removed while an invitation was pending) becomes its primary contact.
	 * @return the change of primary contact, if the newcomer became it
	 */
	Optional<PrimaryContactChange> join(String userId, Instant now) {
		if (isMember(userId)) {
			throw new ConflictException(ALREADY_A_MEMBER);
		}
		members.add(new Membership(userId, now));
		if (primaryContactId != null) {
			return Optional.empty();
		}
		primaryContactId = userId;
		return Optional.of(new PrimaryContactChange(null, userId));
	}

	/** Removes a member, or lets one leave; never the primary contact. */
	void removeMember(String userId) {
		if (!isMember(userId)) {
			throw new NotFoundException(NOT_A_MEMBER);
		}
		if (isPrimaryContact(userId)) {
			throw new BusinessRuleException(PRIMARY_CONTACT_CANNOT_LEAVE);
		}
		members.removeIf(m -> m.userId().equals(userId));
	}

	/**
	 * Makes a member the primary contact, on behalf of the current primary contact or support.
	 * @return the previous primary contact if it changed (null inside when there was none)
	 */
	Optional<PrimaryContactChange> assignPrimaryContact(String newPrimaryContactId, String actorId,
			boolean actorIsSupport) {
		if (!actorIsSupport && !isPrimaryContact(actorId)) {
			throw new ForbiddenException(ONLY_PRIMARY_CONTACT_CAN_ASSIGN);
		}
		if (!isMember(newPrimaryContactId)) {
			throw new BusinessRuleException(NEW_PRIMARY_CONTACT_MUST_BE_MEMBER);
		}
		if (isPrimaryContact(newPrimaryContactId)) {
			return Optional.empty();
		}
		PrimaryContactChange change = new PrimaryContactChange(primaryContactId, newPrimaryContactId);
		primaryContactId = newPrimaryContactId;
		return Optional.of(change);
	}

	/**
	 * Ends the membership of a person whose account is removed for good. Unlike {@link #removeMember},
	 * this also applies to the primary contact: the longest-standing remaining member (earliest to
	 * join; ties broken by id) takes over, and only if nobody remains is there no primary contact.
	 * @return the change of primary contact, if the person was the primary contact and someone took over
	 */
	Optional<PrimaryContactChange> removeAccount(String userId) {
		if (!isMember(userId)) {
			throw new NotFoundException(NOT_A_MEMBER);
		}
		members.removeIf(m -> m.userId().equals(userId));
		if (!isPrimaryContact(userId)) {
			return Optional.empty();
		}
		primaryContactId = members.stream().min(SENIORITY).map(Membership::userId).orElse(null);
		return primaryContactId == null ? Optional.empty()
				: Optional.of(new PrimaryContactChange(userId, primaryContactId));
	}

	private static final Comparator<Membership> SENIORITY = Comparator.comparing(Membership::joinedAt)
		.thenComparing(Membership::userId);

	/** The primary contact went from {@code previousUserId} (null if there was none) to {@code userId}. */
	record PrimaryContactChange(String previousUserId, String userId) {
	}

}
