package org.customerportal.account.organization;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A person's place in an organisation, part of the {@link Organization} aggregate.
 */
@Table("membership")
record Membership(String userId, Instant joinedAt) {
}
