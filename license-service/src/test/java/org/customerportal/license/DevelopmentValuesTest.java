package org.customerportal.license;

import java.util.Map;

import org.customerportal.platform.test.DevelopmentValues;
import org.junit.jupiter.api.Test;

/** Production never starts with what this repository commits for a developer's machine. */
class DevelopmentValuesTest {

	private static final Map<String, String> OWN_VALUES = Map.of("DB_PASSWORD", "license-password", "LICENSE_SIGNING_PRIVATE_KEY", "own-private-key",
			"LICENSE_SIGNING_PUBLIC_KEY", "own-public-key");

	@Test
	void theCommittedValuesAreRefusedWithoutADevelopmentProfile() {
		DevelopmentValues.assertRefusedOutsideDevelopment(LicenseServiceApplication.class, OWN_VALUES);
	}

	@Test
	void theTestClockIsRefusedWithoutADevelopmentProfile() {
		DevelopmentValues.assertTestClockRefusedOutsideDevelopment(LicenseServiceApplication.class, OWN_VALUES, "LICENSE_TEST_CLOCK_ENABLED");
	}

}
