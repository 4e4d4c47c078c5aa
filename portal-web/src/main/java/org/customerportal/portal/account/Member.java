package org.customerportal.portal.account;

import java.time.Instant;

/** A company contact as {@code GET /api/organizations/{orgId}/users} answers it. */
record Member(String id, String email, String name, boolean primaryContact, Instant joinedAt) {
}
