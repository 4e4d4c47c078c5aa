package org.customerportal.platform.membership;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * account-service's {@code GET /api/me}, asked with the caller's own access token.
 */
@FunctionalInterface
interface AccountService {

	/**
	 * @throws RuntimeException if account-service did not answer with the caller (down, failing, refusing)
	 */
	Me me(String accessToken);

	/** The parts of account-service's answer this library reads (a tolerant reader). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Me(String id, String email, String name, UUID organizationId) {
	}

}
