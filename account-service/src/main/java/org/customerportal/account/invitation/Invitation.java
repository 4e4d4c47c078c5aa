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

	enum Status {

		PENDING, ACCEPTED, EXPIRED

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

	/** What the invitation is now: accepted, expired (also once its time has passed) or pending. */
	Status statusAt(Instant now) {
		if (status == Status.ACCEPTED) {
			return Status.ACCEPTED;
		}
		return status == Status.EXPIRED || !now.isBefore(expiresAt) ? Status.EXPIRED : Status.PENDING;
	}

	/** Refuses an invitation that has been used (409) or has expired (410). */
	void checkUsable(Instant now) {
		if (status == Status.ACCEPTED) {
			throw new ConflictException(ALREADY_ACCEPTED);
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

	static String normalise(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

}
