package org.customerportal.account.user;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who has signed in to the portal, keyed by their Keycloak subject. A removed account keeps
 * its id (orders and invitations refer to it) but no personal data.
 */
@Table("portal_user")
public class User {

	@Id
	private final String id;

	private String email;

	private String name;

	private final Instant createdAt;

	private Instant removedAt;

	@Version
	private Long version;

	@PersistenceCreator
	User(String id, String email, String name, Instant createdAt, Instant removedAt, Long version) {
		this.id = id;
		this.email = email;
		this.name = name;
		this.createdAt = createdAt;
		this.removedAt = removedAt;
		this.version = version;
	}

	/** The Keycloak subject ({@code sub}) of the person. */
	public String id() {
		return id;
	}

	/** Null once the account has been removed. */
	public String email() {
		return email;
	}

	/** Null once the account has been removed. */
	public String name() {
		return name;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public boolean isRemoved() {
		return removedAt != null;
	}

	void rename(String newName) {
		this.name = newName.strip();
	}

	/** Erases what identifies the person; the id stays so that other records keep their reference. */
	void erasePersonalData(Instant now) {
		this.email = null;
		this.name = null;
		this.removedAt = now;
	}

}
