package org.customerportal.notification;

import java.util.Map;

import org.customerportal.platform.test.DevelopmentValues;
import org.junit.jupiter.api.Test;

/** Production never starts with what this repository commits for a developer's machine. */
class DevelopmentValuesTest {

	private static final Map<String, String> OWN_VALUES = Map.of("SPRING_DATASOURCE_PASSWORD", "notification-password", "PORTAL_NOTIFICATIONS_UNSUBSCRIBE_SIGNINGKEY",
			"own-unsubscribe-signing-key");

	@Test
	void theCommittedValuesAreRefusedWithoutADevelopmentProfile() {
		DevelopmentValues.assertRefusedOutsideDevelopment(NotificationServiceApplication.class, OWN_VALUES);
	}

	@Test
	void theTestClockIsRefusedWithoutADevelopmentProfile() {
		DevelopmentValues.assertTestClockRefusedOutsideDevelopment(NotificationServiceApplication.class, OWN_VALUES, "PORTAL_TESTCLOCK_ENABLED");
	}

}
