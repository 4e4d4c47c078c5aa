package org.customerportal.account.removal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.customerportal.account.invitation.Invitations;
import org.customerportal.account.organization.Organizations;
import org.customerportal.account.user.User;
import org.customerportal.account.user.Users;
import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a person's account for good, in one transaction: their membership ends (if they were the
 * primary contact, the longest-standing remaining member takes over), invitations to their address are
 * forgotten, their e-mail address and name are erased, {@code user.removed} tells the other services to
 * drop them, and disabling them in Keycloak is queued so that it happens even if Keycloak is down now.
 */
@Service
class AccountRemoval {

	static final String NOT_FOUND = "There is no account with this id.";

	private static final Logger log = LoggerFactory.getLogger(AccountRemoval.class);

	private final Users users;

	private final Organizations organizations;

	private final Invitations invitations;

	private final KeycloakDisabling keycloak;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccountRemoval(Users users, Organizations organizations, Invitations invitations, KeycloakDisabling keycloak,
			ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.organizations = organizations;
		this.invitations = invitations;
		this.keycloak = keycloak;
		this.events = events;
		this.clock = clock;
	}

	/** Removes the account; removing an account that is already removed changes nothing. */
	@Transactional
	void remove(String userId) {
		User user = users.lockForRemoval(userId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
		if (user.isRemoved()) {
			return;
		}
		Optional<UUID> organizationId = organizations.removeAccount(user);
		invitations.forgetInvitationsTo(user.email());
		users.erasePersonalData(user);
		keycloak.request(userId);
		events.publishEvent(
				new UserRemoved(IntegrationEvent.newEventId(), clock.instant(), userId, organizationId.orElse(null)));
		log.info("Removed the account of user {}", userId);
	}

}
