package org.customerportal.notification.reminder;

import java.time.LocalDate;
import java.util.UUID;

import org.customerportal.notification.reminder.LicenseEvents.LicenseEndKnown;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LicenseEventsTest {

	private static final LocalDate EXPIRES = LocalDate.of(2027, 3, 31);

	private static final LocalDate MAINTENANCE = LocalDate.of(2027, 6, 30);

	private static LicenseEndKnown license(String type, LocalDate expiresAt, LocalDate maintenanceExpiresAt) {
		return new LicenseEndKnown(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "DBR", type, expiresAt,
				maintenanceExpiresAt);
	}

	@Test
	void anAnnualLicenseEndsWhenItExpiresAndAPerpetualOneWhenItsMaintenanceDoes() {
		assertThat(license("ANNUAL", EXPIRES, null).endDate()).isEqualTo(EXPIRES);
		assertThat(license("PERPETUAL", null, MAINTENANCE).endDate()).isEqualTo(MAINTENANCE);
	}

	@Test
	void aTrialHasNoEndToRemindOf() {
		assertThat(license("TRIAL", EXPIRES, null).endDate()).isNull();
	}

	@Test
	void withoutATypeTheDateThatIsPresentDecides() {
		assertThat(license(null, null, MAINTENANCE).licenseType()).isEqualTo("PERPETUAL");
		assertThat(license(null, EXPIRES, null).licenseType()).isEqualTo("ANNUAL");
	}

}
