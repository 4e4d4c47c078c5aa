package org.customerportal.account.organization;

import java.time.Instant;

/**
 * A member of an organisation (a company contact).
 */
record MemberView(String id, String email, String name, boolean primaryContact, Instant joinedAt) {
}
