package org.customerportal.account.user;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.customerportal.platform.problem.ForbiddenException;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of the portal. A person is registered from their access token on their first call, and
 * every later call finds them by the token's subject.
 */
@Service
public class Users {

	static final String REMOVED = "This account has been removed. Contact support if you think this is a mistake.";

	private final UserRepository repository;

	private final Clock clock;

	Users(UserRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/** The caller, registered from the token if this is their first call. */
	@Transactional
	public User caller(CurrentUser caller) {
		return active(repository.findById(caller.subject()).orElseGet(() -> register(caller)));
	}

	/**
	 * The caller, registered if needed, with a lock that keeps their account from being removed until
	 * the surrounding transaction ends: for changes that give the caller something (a membership).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public User lockCaller(CurrentUser caller) {
		if (!repository.existsById(caller.subject())) {
			register(caller);
		}
		return active(repository.findByIdForShare(caller.subject()).orElseThrow());
	}

	@Transactional
	public User rename(CurrentUser caller, String name) {
		User user = caller(caller);
		user.rename(name);
		return repository.save(user);
	}

	public Optional<User> find(String id) {
		return repository.findById(id);
	}

	public Map<String, User> findAll(Collection<String> ids) {
		return repository.findAllById(ids).stream().collect(Collectors.toMap(User::id, Function.identity()));
	}

	/** Active (not removed) people with this e-mail address, ignoring case. */
	public List<User> findActiveByEmail(String email) {
		return repository.findActiveByEmail(email);
	}

	/** The user, locked for the rest of the transaction, for removing the account. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<User> lockForRemoval(String id) {
		return repository.findByIdForUpdate(id);
	}

	/** Erases the person's e-mail address and name for good. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void erasePersonalData(User user) {
		user.erasePersonalData(clock.instant());
		repository.save(user);
	}

	private User register(CurrentUser caller) {
		// an unverified address could be anyone's: mails and contact lists would reach its owner
		String email = caller.verifiedEmail();
		String name = caller.name() == null || caller.name().isBlank() ? email : caller.name().strip();
		repository.insertIfAbsent(caller.subject(), email, name, clock.instant());
		return repository.findById(caller.subject()).orElseThrow();
	}

	private static User active(User user) {
		if (user.isRemoved()) {
			throw new ForbiddenException(REMOVED);
		}
		return user;
	}

}
