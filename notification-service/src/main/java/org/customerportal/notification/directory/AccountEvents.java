package org.customerportal.notification.directory;

import java.util.UUID;

/**
 * What this service reads from {@code portal.account.events} for its directory (tolerant readers:
 * only the fields it needs).
 */
final class AccountEvents {

	private AccountEvents() {
	}

	static final String MEMBER_JOINED = "portal.member.joined.v1";

	static final String USER_REMOVED = "portal.user.removed.v1";

	record MemberJoined(UUID organizationId, String userId, String email, String name) {
	}

	record UserRemoved(String userId, UUID organizationId) {
	}

}
