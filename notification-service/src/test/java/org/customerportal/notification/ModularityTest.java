package org.customerportal.notification;

import org.junit.jupiter.api.Test;

import org.customerportal.platform.test.ModuleMaps;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages keep their boundaries, and docs/architecture shows them as they are. */
class ModularityTest {

	private static final ApplicationModules MODULES = ModuleMaps.of(NotificationServiceApplication.class);

	@Test
	void modulesDependOnlyOnWhatOtherModulesExpose() {
		MODULES.verify();
	}

	@Test
	void committedModuleMapIsCurrent() {
		ModuleMaps.assertCommittedMapIsCurrent(MODULES, "notification-service");
	}
}
