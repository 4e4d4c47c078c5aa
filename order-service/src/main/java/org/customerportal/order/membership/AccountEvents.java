package org.customerportal.order.membership;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The parts of account-service's events this service reads (a tolerant reader: other fields are
 * ignored).
 */
final class AccountEvents {

	private AccountEvents() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record OrganizationCreated(UUID organizationId, String name, String primaryContactId, Instant occurredAt) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record MemberJoined(UUID organizationId, String userId, String email, String name, Instant occurredAt) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record MemberRemoved(UUID organizationId, String userId) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PrimaryContactChanged(UUID organizationId, String userId, Instant occurredAt) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record UserRemoved(String userId, UUID organizationId, Instant occurredAt) {
	}

}
