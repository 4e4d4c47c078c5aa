package org.customerportal.account.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.customerportal.account.user.User;
import org.customerportal.account.user.Users;
import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.problem.ForbiddenException;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.web.PageResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Company accounts and their members. Members see and manage their own organisation; support may see
 * any organisation and assign its primary contact; everybody else is told it does not exist.
 */
@Service
public class Organizations {

	static final String NOT_FOUND = "There is no organization with this id, or you are not a member of it.";

	static final String MEMBERS_ONLY = "Only members of the organization can do this.";

	static final String ALREADY_IN_ONE = "You already belong to an organization. Leave it before creating a new one.";

	static final String SUPPORT_HAS_NONE = "Support staff act for the customers' companies and belong to none: "
			+ "sign in with a customer account to create a company account.";

	static final String IN_ANOTHER = "You already belong to another organization. Leave it before accepting this invitation.";

	private final OrganizationRepository repository;

	private final Users users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Organizations(OrganizationRepository repository, Users users, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Organization create(CurrentUser caller, String name) {
		// a member of a company could act as its customer (contacts, trials, invitations)
		if (caller.isSupport()) {
			throw new ForbiddenException(SUPPORT_HAS_NONE);
		}
		User creator = users.lockCaller(caller);
		if (repository.findOrganizationIdOf(creator.id()).isPresent()) {
			throw new ConflictException(ALREADY_IN_ONE);
		}
		Instant now = clock.instant();
		Organization organization = Organization.create(name, creator.id(), now);
		try {
			repository.save(organization);
		}
		catch (DataIntegrityViolationException ex) {
			// a concurrent call of the same person made them a member of another organisation first
			throw new ConflictException(ALREADY_IN_ONE);
		}
		events.publishEvent(new OrganizationCreated(IntegrationEvent.newEventId(), now, organization.id(),
				organization.name(), creator.id(), creator.email()));
		events.publishEvent(new MemberJoined(IntegrationEvent.newEventId(), now, organization.id(), creator.id(),
				creator.email(), creator.name()));
		return organization;
	}

	/** The organisation to read: for members, support and sales staff (who quote for it); else 404. */
	@Transactional(readOnly = true)
	public Organization readableBy(UUID organizationId, CurrentUser caller) {
		if (caller.isSales()) {
			return repository.findById(organizationId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
		}
		return visibleTo(organizationId, caller);
	}

	/** The organisation if the caller is a member or support; else 404. */
	@Transactional(readOnly = true)
	public Organization visibleTo(UUID organizationId, CurrentUser caller) {
		return repository.findById(organizationId)
			.filter(organization -> caller.isSupport() || organization.isMember(caller.subject()))
			.orElseThrow(() -> new NotFoundException(NOT_FOUND));
	}

	/** The organisation if the caller is a member; 403 for support staff who are not, 404 for anyone else. */
	@Transactional(readOnly = true)
	public Organization ofMember(UUID organizationId, CurrentUser caller) {
		Organization organization = visibleTo(organizationId, caller);
		if (!organization.isMember(caller.subject())) {
			throw new ForbiddenException(MEMBERS_ONLY);
		}
		return organization;
	}

	/** The organisation, for a caller who proved a right to see its name in another way (an invitation). */
	@Transactional(readOnly = true)
	public Optional<Organization> find(UUID organizationId) {
		return repository.findById(organizationId);
	}

	/** The organisation the person belongs to, if any. */
	@Transactional(readOnly = true)
	public Optional<Organization> of(String userId) {
		return repository.findOrganizationIdOf(userId).flatMap(repository::findById);
	}

	@Transactional(readOnly = true)
	PageResponse<MemberView> members(UUID organizationId, CurrentUser caller, int page, int size) {
		Organization organization = readableBy(organizationId, caller);
		PageResponse<Membership> slice = PageResponse.of(organization.members(), page, size);
		Map<String, User> people = users.findAll(slice.items().stream().map(Membership::userId).toList());
		return slice.map(membership -> {
			User person = people.get(membership.userId());
			return new MemberView(person.id(), person.email(), person.name(),
					organization.isPrimaryContact(person.id()), membership.joinedAt());
		});
	}

	/** Removes a member (or lets the caller leave). */
	@Transactional
	void removeMember(UUID organizationId, String userId, CurrentUser caller) {
		users.caller(caller);
		Organization organization = ofMember(organizationId, caller);
		organization.removeMember(userId);
		repository.save(organization);
		User member = users.find(userId).orElseThrow();
		events.publishEvent(new MemberRemoved(IntegrationEvent.newEventId(), clock.instant(), organizationId, userId,
				member.email()));
	}

	@Transactional
	Organization assignPrimaryContact(UUID organizationId, String userId, CurrentUser caller) {
		users.caller(caller);
		Organization organization = visibleTo(organizationId, caller);
		organization.assignPrimaryContact(userId, caller.subject(), caller.isSupport()).ifPresent(change -> {
			repository.save(organization);
			publish(organizationId, change);
		});
		return organization;
	}

	/**
	 * Makes the person a member of the organisation, on accepting an invitation. Runs in the caller's
	 * transaction, which holds the person's row ({@link Users#lockCaller}).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Organization join(UUID organizationId, User person) {
		Optional<UUID> current = repository.findOrganizationIdOf(person.id());
		if (current.isPresent()) {
			throw new ConflictException(
					current.get().equals(organizationId) ? Organization.ALREADY_A_MEMBER : IN_ANOTHER);
		}
		Organization organization = repository.findById(organizationId)
			.orElseThrow(() -> new NotFoundException(NOT_FOUND));
		Instant now = clock.instant();
		Optional<Organization.PrimaryContactChange> change = organization.join(person.id(), now);
		try {
			repository.save(organization);
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException(IN_ANOTHER);
		}
		events.publishEvent(new MemberJoined(IntegrationEvent.newEventId(), now, organizationId, person.id(),
				person.email(), person.name()));
		change.ifPresent(c -> publish(organizationId, c));
		return organization;
	}

	/**
	 * Ends the membership of a person whose account is being removed, even if they are the primary
	 * contact (see {@link Organization#removeAccount}).
	 * @return the organisation they belonged to, if any
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<UUID> removeAccount(User person) {
		Optional<Organization> found = of(person.id());
		found.ifPresent(organization -> {
			Optional<Organization.PrimaryContactChange> change = organization.removeAccount(person.id());
			repository.save(organization);
			events.publishEvent(new MemberRemoved(IntegrationEvent.newEventId(), clock.instant(), organization.id(),
					person.id(), person.email()));
			change.ifPresent(c -> publish(organization.id(), c));
		});
		return found.map(Organization::id);
	}

	private void publish(UUID organizationId, Organization.PrimaryContactChange change) {
		events.publishEvent(new PrimaryContactChanged(IntegrationEvent.newEventId(), clock.instant(), organizationId,
				change.previousUserId(), change.userId()));
	}

}
