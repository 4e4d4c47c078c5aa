package org.customerportal.account;

import java.util.Map;

import org.customerportal.platform.test.DevelopmentValues;
import org.junit.jupiter.api.Test;

/** Production never starts with what this repository commits for a developer's machine. */
class DevelopmentValuesTest {

	private static final Map<String, String> OWN_VALUES = Map.of("SPRING_DATASOURCE_PASSWORD", "account-password", "PORTAL_ACCOUNT_KEYCLOAK_CLIENTSECRET", "account-admin-secret");

	@Test
	void theCommittedValuesAreRefusedWithoutADevelopmentProfile() {
		DevelopmentValues.assertRefusedOutsideDevelopment(AccountServiceApplication.class, OWN_VALUES);
	}

}
