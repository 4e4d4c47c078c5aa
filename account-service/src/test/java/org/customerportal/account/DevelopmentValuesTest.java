package org.customerportal.account;

import java.util.Map;

import org.customerportal.platform.test.DevelopmentValues;
import org.junit.jupiter.api.Test;

/** Production never starts with what this repository commits for a developer's machine. */
class DevelopmentValuesTest {

	private static final Map<String, String> OWN_VALUES = Map.of("DB_PASSWORD", "account-password", "KEYCLOAK_ADMIN_CLIENT_SECRET", "account-admin-secret");

	@Test
	void theCommittedValuesAreRefusedWithoutADevelopmentProfile() {
		DevelopmentValues.assertRefusedOutsideDevelopment(AccountServiceApplication.class, OWN_VALUES);
	}

}
