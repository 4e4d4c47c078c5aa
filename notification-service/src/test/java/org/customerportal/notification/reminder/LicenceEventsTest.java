package org.customerportal.notification.reminder;

import java.time.LocalDate;
import java.util.UUID;

import org.customerportal.notification.reminder.LicenceEvents.LicenceEndKnown;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LicenceEventsTest {

	private static final LocalDate EXPIRES = LocalDate.of(2027, 3, 31);

	private static final LocalDate MAINTENANCE = LocalDate.of(2027, 6, 30);

	private static LicenceEndKnown licence(String type, LocalDate expiresAt, LocalDate maintenanceExpiresAt) {
		return new LicenceEndKnown(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "DBR", type, expiresAt,
				maintenanceExpiresAt);
	}

	@Test
	void anAnnualLicenceEndsWhenItExpiresAndAPerpetualOneWhenItsMaintenanceDoes() {
		assertThat(licence("ANNUAL", EXPIRES, null).endDate()).isEqualTo(EXPIRES);
		assertThat(licence("PERPETUAL", null, MAINTENANCE).endDate()).isEqualTo(MAINTENANCE);
	}

	@Test
	void aTrialHasNoEndToRemindOf() {
		assertThat(licence("TRIAL", EXPIRES, null).endDate()).isNull();
	}

	@Test
	void withoutATypeTheDateThatIsPresentDecides() {
		assertThat(licence(null, null, MAINTENANCE).licenceType()).isEqualTo("PERPETUAL");
		assertThat(licence(null, EXPIRES, null).licenceType()).isEqualTo("ANNUAL");
	}

}
