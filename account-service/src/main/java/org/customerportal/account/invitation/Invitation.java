package org.customerportal.account.invitation;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.problem.GoneException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An invitation to join an organisation, sent to an e-mail address. It opens with a single-use token
 * (of which only the hash is kept) and expires after a while.
 */
@Table("invitation")
class Invitation {

	static final String ALREADY_ACCEPTED = "This invitation has already been accepted.";

	static final String EXPIRED = "This invitation has expired. Ask a member of the organization to invite you again.";

	static final String REPLACED = "This invitation is no longer valid: a newer invitation was sent to this address. "
			+ "Open the link in the most recent invitation e-mail.";

	static final String WITHDRAWN = "This invitation is no longer valid: the organization withdrew it. "
			+ "Ask a member of the organization to invite you again.";

	enum Status {

		PENDING, ACCEPTED, EXPIRED,
		/** Resent: a new invitation with a new token took its place, and its link opens nothing. */
		REPLACED,
		/** Withdrawn by a member of the organisation. */
		WITHDRAWN

	}

	@Id
	private final UUID id;

	private final UUID organizationId;

	private final String email;

	private final byte[] tokenHash;

	private final String invitedBy;

	private Status status;

	private final Instant createdAt;

	private final Instant expiresAt;

	private String acceptedBy;

	private Instant acceptedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Invitation(UUID id, UUID organizationId, String email, byte[] tokenHash, String invitedBy, Status status,
			Instant createdAt, Instant expiresAt, String acceptedBy, Instant acceptedAt, Long version) {
		this.id = id;
		this.organizationId = organizationId;
		this.email = email;
		this.tokenHash = tokenHash;
		this.invitedBy = invitedBy;
		this.status = status;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.acceptedBy = acceptedBy;
		this.acceptedAt = acceptedAt;
		this.version = version;
	}

	static Invitation issue(UUID organizationId, String email, InvitationToken token, String invitedBy, Instant now,
			Duration validity) {
		return new Invitation(UUID.randomUUID(), organizationId, email.strip(), token.hash(), invitedBy,
				Status.PENDING, now, now.plus(validity), null, null, null);
	}

	UUID id() {
		return id;
	}

	UUID organizationId() {
		return organizationId;
	}

	String email() {
		return email;
	}

	String invitedBy() {
		return invitedBy;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	/** Whether the token is the one this invitation was sent with (compared in constant time). */
	boolean opensWith(String token) {
		return token != null && MessageDigest.isEqual(tokenHash, InvitationToken.hash(token));
	}

	/** Whether it was sent to this address; e-mail addresses are compared ignoring case. */
	boolean isAddressedTo(String address) {
		return address != null && normalise(email).equals(normalise(address));
	}

	/** What the invitation is now: accepted, replaced, withdrawn, expired (also once its time has passed) or pending. */
	Status statusAt(Instant now) {
		if (status == Status.ACCEPTED || status == Status.REPLACED || status == Status.WITHDRAWN) {
			return status;
		}
		return status == Status.EXPIRED || !now.isBefore(expiresAt) ? Status.EXPIRED : Status.PENDING;
	}

	/** Refuses an invitation that has been used (409) or has expired, been replaced or withdrawn (410). */
	void checkUsable(Instant now) {
		if (status == Status.ACCEPTED) {
			throw new ConflictException(ALREADY_ACCEPTED);
		}
		if (status == Status.REPLACED) {
			throw new GoneException(REPLACED);
		}
		if (status == Status.WITHDRAWN) {
			throw new GoneException(WITHDRAWN);
		}
		if (status == Status.EXPIRED || !now.isBefore(expiresAt)) {
			throw new GoneException(EXPIRED);
		}
	}

	void accept(String userId, Instant now) {
		checkUsable(now);
		status = Status.ACCEPTED;
		acceptedBy = userId;
		acceptedAt = now;
	}

	/**
	 * Voids a pending (or expired) invitation: replaced by a resent one, or withdrawn; 409 once it was
	 * accepted, replaced or withdrawn.
	 */
	void close(Status closedAs) {
		switch (status) {
			case ACCEPTED -> throw new ConflictException("This invitation has already been accepted; "
					+ "the person is a member now.");
			case REPLACED, WITHDRAWN -> throw new ConflictException("This invitation is no longer pending: it was "
					+ (status == Status.REPLACED ? "resent as a new invitation" : "withdrawn") + ".");
			case PENDING, EXPIRED -> status = closedAs;
		}
	}

	static String normalise(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

}
