package org.customerportal.portal;

import java.util.Map;

import org.customerportal.platform.test.DevelopmentValues;
import org.junit.jupiter.api.Test;

/** Production never starts with what this repository commits for a developer's machine. */
class DevelopmentValuesTest {

	private static final Map<String, String> OWN_VALUES = Map.of("SPRING_DATASOURCE_PASSWORD", "portal-password", "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_CLIENTSECRET", "own-client-secret");

	@Test
	void theCommittedValuesAreRefusedWithoutADevelopmentProfile() {
		DevelopmentValues.assertRefusedOutsideDevelopment(PortalApplication.class, OWN_VALUES);
	}

}
