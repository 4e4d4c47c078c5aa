package org.customerportal.order;

import java.util.Map;

import org.customerportal.platform.test.DevelopmentValues;
import org.junit.jupiter.api.Test;

/** Production never starts with what this repository commits for a developer's machine. */
class DevelopmentValuesTest {

	private static final Map<String, String> OWN_VALUES = Map.of("SPRING_DATASOURCE_PASSWORD", "order-password");

	@Test
	void theCommittedValuesAreRefusedWithoutADevelopmentProfile() {
		DevelopmentValues.assertRefusedOutsideDevelopment(OrderServiceApplication.class, OWN_VALUES);
	}

	@Test
	void theTestClockIsRefusedWithoutADevelopmentProfile() {
		DevelopmentValues.assertTestClockRefusedOutsideDevelopment(OrderServiceApplication.class, OWN_VALUES,
				"PORTAL_TESTCLOCK_ENABLED");
	}

}
