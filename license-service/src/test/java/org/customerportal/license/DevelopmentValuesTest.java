package org.customerportal.license;

import java.util.Map;

import org.customerportal.platform.test.DevelopmentValues;
import org.junit.jupiter.api.Test;

/** Production never starts with what this repository commits for a developer's machine. */
class DevelopmentValuesTest {

	private static final Map<String, String> OWN_VALUES = Map.of("SPRING_DATASOURCE_PASSWORD", "license-password", "PORTAL_LICENSE_SIGNING_PRIVATEKEY", "own-private-key",
			"PORTAL_LICENSE_SIGNING_PUBLICKEY", "own-public-key");

	@Test
	void theCommittedValuesAreRefusedWithoutADevelopmentProfile() {
		DevelopmentValues.assertRefusedOutsideDevelopment(LicenseServiceApplication.class, OWN_VALUES);
	}

	@Test
	void theTestClockIsRefusedWithoutADevelopmentProfile() {
		DevelopmentValues.assertTestClockRefusedOutsideDevelopment(LicenseServiceApplication.class, OWN_VALUES, "PORTAL_TESTCLOCK_ENABLED");
	}

}
