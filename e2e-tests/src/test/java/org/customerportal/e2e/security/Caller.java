package org.customerportal.e2e.security;

import java.util.Map;

import org.customerportal.e2e.support.Endpoints;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.User;

/**
 * Who calls in the authorization matrix, in the order of the columns of {@link Expectations}. The
 * resources of the path are always company A's.
 */
enum Caller {

	/** No {@code Authorization} header. */
	NONE,
	/** A signed-in member (and primary contact) of company B. */
	OTHER_COMPANY,
	/** A member of company A who is not a contact of its orders. */
	MEMBER,
	/** Company A's primary contact, a contact of its orders. */
	CONTACT,
	/** The vendor's support staff (realm role {@code support}). */
	SUPPORT,
	/** A valid access token of the realm, but of a client without the {@code portal-api} audience. */
	WRONG_AUDIENCE;

	/** The {@code Authorization} header of this caller, if any. */
	Map<String, String> headers(Fixtures fixtures) {
		return switch (this) {
			case NONE -> Map.of();
			case WRONG_AUDIENCE -> Map.of("Authorization", "Bearer " + wrongAudienceToken());
			default -> Map.of("Authorization", "Bearer " + user(fixtures).token());
		};
	}

	boolean isPerson() {
		return this != NONE && this != WRONG_AUDIENCE;
	}

	User user(Fixtures fixtures) {
		return switch (this) {
			case OTHER_COMPANY -> fixtures.olga;
			case MEMBER -> fixtures.bob;
			case CONTACT -> fixtures.alice;
			case SUPPORT -> Keycloak.support();
			default -> throw new IllegalStateException(this + " is nobody");
		};
	}

	/** account-service's client-credentials token: signed by the realm, not meant for the API (short-lived, so fetched anew). */
	private static String wrongAudienceToken() {
		return Keycloak
			.token(Map.of("grant_type", "client_credentials", "client_id", Endpoints.ACCOUNT_SERVICE_CLIENT_ID,
					"client_secret", Endpoints.ACCOUNT_SERVICE_CLIENT_SECRET))
			.expect(200)
			.text("access_token");
	}

}
