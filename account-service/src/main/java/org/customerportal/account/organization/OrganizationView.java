package org.customerportal.account.organization;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation as the API shows it.
 * @param primaryContactId null only when every member's account has been removed
 */
public record OrganizationView(UUID id, String name, String primaryContactId, Instant createdAt) {

	public static OrganizationView of(Organization organization) {
		return new OrganizationView(organization.id(), organization.name(),
				organization.primaryContactId().orElse(null), organization.createdAt());
	}

}
