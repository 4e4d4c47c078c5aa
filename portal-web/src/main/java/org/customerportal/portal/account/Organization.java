package org.customerportal.portal.account;

import java.util.UUID;

/** A company account as {@code GET /api/organizations/{orgId}} answers it. */
record Organization(UUID id, String name, String primaryContactId) {
}
