package org.customerportal.account.invitation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import org.customerportal.account.organization.Organization;
import org.customerportal.account.organization.Organizations;
import org.customerportal.account.user.User;
import org.customerportal.account.user.Users;
import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.problem.ForbiddenException;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.web.PageResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Members invite people by e-mail address; the invited person accepts with the link from the e-mail,
 * signed in with that same, verified address.
 */
@Service
public class Invitations {

	static final String NOT_FOUND = "This invitation does not exist or the link is incomplete. Open the link from the invitation e-mail again.";

	static final String EMAIL_NOT_VERIFIED = "Verify your e-mail address first, then open the invitation link again.";

	static final String WRONG_EMAIL = "This invitation was sent to a different e-mail address. Sign in with the address that received it.";

	private static final Duration DAY = Duration.ofHours(24);

	private static final DateTimeFormatter NEXT_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
			Locale.ENGLISH).withZone(ZoneOffset.UTC);

	private final InvitationRepository repository;

	private final Organizations organizations;

	private final Users users;

	private final InvitationProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Invitations(InvitationRepository repository, Organizations organizations, Users users,
			InvitationProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.organizations = organizations;
		this.users = users;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Invitation invite(UUID organizationId, String email, CurrentUser caller) {
		User inviter = users.caller(caller);
		Organization organization = organizations.ofMember(organizationId, caller);
		String address = email.strip();
		if (users.findActiveByEmail(address).stream().anyMatch(person -> organization.isMember(person.id()))) {
			throw new ConflictException(address + " is already a member of this organization.");
		}
		Instant now = clock.instant();
		withinDailyLimit(organizationId, now);
		repository.expireOverdue(organizationId, address, now);
		String alreadyInvited = address + " has already been invited and the invitation is still pending.";
		if (repository.existsPending(organizationId, address)) {
			throw new ConflictException(alreadyInvited);
		}
		return issue(organization, address, inviter, now, null, alreadyInvited);
	}

	/**
	 * Sends a pending (or expired) invitation again: a new invitation with a new token and a fresh validity
	 * takes its place, and the old link opens nothing any more. Counts towards the daily limit like any
	 * invitation sent.
	 */
	@Transactional
	Invitation resend(UUID organizationId, UUID invitationId, CurrentUser caller) {
		User sender = users.caller(caller);
		Organization organization = organizations.ofMember(organizationId, caller);
		Invitation old = ofOrganization(organizationId, invitationId);
		Instant now = clock.instant();
		withinDailyLimit(organizationId, now);
		old.close(Invitation.Status.REPLACED);
		repository.save(old);
		return issue(organization, old.email(), sender, now, old.id(),
				old.email() + " has already been invited and the invitation is still pending.");
	}

	/** Withdraws a pending invitation: its link opens nothing any more, and a mail not yet sent is not sent. */
	@Transactional
	void withdraw(UUID organizationId, UUID invitationId, CurrentUser caller) {
		User member = users.caller(caller);
		organizations.ofMember(organizationId, caller);
		Invitation invitation = ofOrganization(organizationId, invitationId);
		invitation.close(Invitation.Status.WITHDRAWN);
		repository.save(invitation);
		events.publishEvent(new InvitationWithdrawn(IntegrationEvent.newEventId(), clock.instant(), invitation.id(),
				organizationId, invitation.email(), member.id()));
	}

	private Invitation ofOrganization(UUID organizationId, UUID invitationId) {
		return repository.findById(invitationId)
			.filter(found -> found.organizationId().equals(organizationId))
			.orElseThrow(() -> new NotFoundException("There is no invitation " + invitationId
					+ " of this organization. Reload the list of invitations."));
	}

	private Invitation issue(Organization organization, String address, User inviter, Instant now, UUID replaces,
			String alreadyInvited) {
		InvitationToken token = InvitationToken.generate();
		Invitation invitation = Invitation.issue(organization.id(), address, token, inviter.id(), now,
				properties.validity());
		try {
			repository.save(invitation);
		}
		catch (DataIntegrityViolationException ex) {
			// invited at the same moment by someone else
			throw new ConflictException(alreadyInvited);
		}
		events.publishEvent(new InvitationCreated(IntegrationEvent.newEventId(), now, invitation.id(),
				organization.id(), organization.name(), invitation.email(), inviter.id(), inviter.name(),
				acceptUrl(invitation, token), invitation.expiresAt(), replaces));
		return invitation;
	}

	private void withinDailyLimit(UUID organizationId, Instant now) {
		repository.lockOrganization(organizationId);
		Instant since = now.minus(DAY);
		int limit = properties.dailyLimit();
		if (repository.countSentSince(organizationId, since) >= limit) {
			Instant next = repository.firstSentSince(organizationId, since).plus(DAY);
			throw new BusinessRuleException("Your company has sent " + limit + " invitations in the last 24 hours, "
					+ "the most we send for one company. You can invite more people after "
					+ NEXT_TIME.format(next.plusSeconds(60).truncatedTo(ChronoUnit.MINUTES)) + ".");
		}
	}

	@Transactional(readOnly = true)
	PageResponse<InvitationView> pending(UUID organizationId, CurrentUser caller, int page, int size) {
		organizations.ofMember(organizationId, caller);
		Page<Invitation> found = repository.findByOrganizationIdAndStatusAndExpiresAtAfter(organizationId,
				Invitation.Status.PENDING, clock.instant(), PageRequest.of(page, size, Sort.by("createdAt", "id")));
		return new PageResponse<>(found.map(InvitationView::of).getContent(), page, size, found.getTotalElements());
	}

	/**
	 * What the link in the invitation mail shows before it is accepted: who invites, to which company, and
	 * whether it can still be accepted. The token from the mail is the right to see it (404 without it).
	 */
	@Transactional(readOnly = true)
	InvitationDetails details(UUID invitationId, String token) {
		Invitation invitation = repository.findById(invitationId)
			.filter(found -> found.opensWith(token))
			.orElseThrow(() -> new NotFoundException(NOT_FOUND));
		String organizationName = organizations.find(invitation.organizationId())
			.map(Organization::name)
			.orElseThrow(() -> new NotFoundException(NOT_FOUND));
		String invitedBy = users.find(invitation.invitedBy()).map(User::name).orElse(null);
		return new InvitationDetails(invitation.id(), invitation.organizationId(), organizationName, invitedBy,
				invitation.email(), invitation.statusAt(clock.instant()), invitation.expiresAt());
	}

	record InvitationDetails(UUID id, UUID organizationId, String organizationName, String invitedByName, String email,
			Invitation.Status status, Instant expiresAt) {
	}

	@Transactional
	Organization accept(UUID invitationId, String token, CurrentUser caller) {
		Invitation invitation = repository.findById(invitationId)
			.filter(found -> found.opensWith(token))
			.orElseThrow(() -> new NotFoundException(NOT_FOUND));
		Instant now = clock.instant();
		invitation.checkUsable(now);
		// before registering the caller, whose first call this may be: registering needs a verified address
		if (!caller.emailVerified()) {
			throw new ForbiddenException(EMAIL_NOT_VERIFIED);
		}
		if (!invitation.isAddressedTo(caller.email())) {
			throw new ForbiddenException(WRONG_EMAIL);
		}
		User person = users.lockCaller(caller);
		Organization organization = organizations.join(invitation.organizationId(), person);
		invitation.accept(person.id(), now);
		repository.save(invitation);
		return organization;
	}

	/** Forgets every invitation sent to the address of an account being removed. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forgetInvitationsTo(String email) {
		repository.deleteAllTo(email);
	}

	private String acceptUrl(Invitation invitation, InvitationToken token) {
		return UriComponentsBuilder.fromUri(properties.acceptBaseUrl())
			.path("/invitations/{id}")
			.queryParam("token", token.value())
			.buildAndExpand(invitation.id())
			.toUriString();
	}

}
