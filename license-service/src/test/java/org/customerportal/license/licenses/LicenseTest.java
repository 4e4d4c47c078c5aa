package org.customerportal.license.licenses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.customerportal.platform.problem.BusinessRuleException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LicenseTest {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

	static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

	static License annual(LocalDate validFrom) {
		return License.purchased(UUID.randomUUID(), UUID.randomUUID(), "BARCODE-READER", LicenseType.ANNUAL, 9, 2,
				validFrom, NOW);
	}

	static License perpetual(LocalDate validFrom) {
		return License.purchased(UUID.randomUUID(), UUID.randomUUID(), "DOCUMENT-SCANNER", LicenseType.PERPETUAL, 17,
				1, validFrom, NOW);
	}

	static License trial() {
		return License.trial(UUID.randomUUID(), "MRZ-SCANNER", 3, 1, "user-1", TODAY, NOW);
	}

	@Nested
	class Issuing {

		@Test
		void anAnnualLicenseRunsOneYear() {
			License license = annual(TODAY);
			assertThat(license.validFrom()).isEqualTo(TODAY);
			assertThat(license.expiresAt()).isEqualTo(TODAY.plusYears(1));
			assertThat(license.maintenanceExpiresAt()).isNull();
			assertThat(license.effectiveStatus(TODAY.plusYears(1).minusDays(1))).isEqualTo(LicenseStatus.ACTIVE);
			assertThat(license.effectiveStatus(TODAY.plusYears(1))).isEqualTo(LicenseStatus.EXPIRED);
		}

		@Test
		void aPerpetualLicenseNeverEndsAndHasOneYearOfMaintenance() {
			License license = perpetual(TODAY);
			assertThat(license.expiresAt()).isNull();
			assertThat(license.maintenanceExpiresAt()).isEqualTo(TODAY.plusYears(1));
			assertThat(license.effectiveStatus(TODAY.plusYears(30))).isEqualTo(LicenseStatus.ACTIVE);
		}

		@Test
		void keysAreUnguessable160BitValuesInGroupsOfFour() {
			Set<String> keys = new HashSet<>();
			for (int i = 0; i < 1000; i++) {
				String key = LicenseKeys.next();
				assertThat(key).matches("([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}");
				keys.add(key);
			}
			assertThat(keys).hasSize(1000);
		}

	}

	@Nested
	class Renewal {

		@Test
		void renewingEarlyAddsAYearToTheCurrentEnd() {
			License license = annual(TODAY.minusMonths(10));
			LocalDate end = license.expiresAt();
			license.renew(TODAY);
			assertThat(license.expiresAt()).isEqualTo(end.plusYears(1));
		}

		@Test
		void renewingOnTheLastDayKeepsIt() {
			License license = annual(TODAY.minusYears(1).plusDays(1));
			license.renew(TODAY);
			assertThat(license.expiresAt()).isEqualTo(TODAY.plusDays(1).plusYears(1));
		}

		@Test
		void renewingALapsedLicenseStartsTheYearToday() {
			License license = annual(TODAY.minusYears(2));
			license.expire(TODAY);
			assertThat(license.status()).isEqualTo(LicenseStatus.EXPIRED);
			license.renew(TODAY);
			assertThat(license.expiresAt()).isEqualTo(TODAY.plusYears(1));
			assertThat(license.status()).isEqualTo(LicenseStatus.ACTIVE);
		}

		@Test
		void renewingAPerpetualLicenseExtendsItsMaintenance() {
			License early = perpetual(TODAY.minusMonths(6));
			early.renew(TODAY);
			assertThat(early.maintenanceExpiresAt()).isEqualTo(TODAY.minusMonths(6).plusYears(2));
			assertThat(early.expiresAt()).isNull();
			License lapsed = perpetual(TODAY.minusYears(3));
			lapsed.renew(TODAY);
			assertThat(lapsed.maintenanceExpiresAt()).isEqualTo(TODAY.plusYears(1));
		}

		@Test
		void theLaterOfEndAndToday() {
			assertThat(License.renewedEnd(TODAY.plusDays(5), TODAY)).isEqualTo(TODAY.plusDays(5).plusYears(1));
			assertThat(License.renewedEnd(TODAY, TODAY)).isEqualTo(TODAY.plusYears(1));
			assertThat(License.renewedEnd(TODAY.minusDays(5), TODAY)).isEqualTo(TODAY.plusYears(1));
		}

	}

	@Nested
	class Upgrades {

		@Test
		void aValidAnnualLicenseMayBeUpgradedForFree() {
			License license = annual(TODAY.minusMonths(3));
			assertThat(license.upgradeEligibility(TODAY).eligible()).isTrue();
			assertThat(license.upgradeTo(10, 10, TODAY)).isEqualTo(9);
			assertThat(license.productVersion()).isEqualTo(10);
		}

		@Test
		void anExpiredAnnualLicenseMayNot() {
			License license = annual(TODAY.minusYears(1).minusDays(1));
			UpgradeEligibility eligibility = license.upgradeEligibility(TODAY);
			assertThat(eligibility.eligible()).isFalse();
			assertThat(eligibility.reason()).isEqualTo(
					"Your annual licence expired on " + TODAY.minusDays(1) + ". Renew it to upgrade for free.");
			assertThatThrownBy(() -> license.upgradeTo(10, 10, TODAY)).isInstanceOf(BusinessRuleException.class)
				.hasMessage(eligibility.reason());
		}

		@Test
		void aPerpetualLicenseNeedsValidMaintenance() {
			assertThat(perpetual(TODAY.minusMonths(11)).upgradeEligibility(TODAY).eligible()).isTrue();
			UpgradeEligibility lapsed = perpetual(TODAY.minusYears(1)).upgradeEligibility(TODAY);
			assertThat(lapsed.eligible()).isFalse();
			assertThat(lapsed.reason()).contains("Maintenance of your perpetual licence ended on " + TODAY);
		}

		@Test
		void trialsAreNotUpgraded() {
			assertThat(trial().upgradeEligibility(TODAY).eligible()).isFalse();
		}

		@Test
		void onlyToANewerReleasedVersion() {
			License license = annual(TODAY);
			assertThatThrownBy(() -> license.upgradeTo(9, 10, TODAY)).hasMessageContaining("already covers version 9");
			assertThatThrownBy(() -> license.upgradeTo(11, 10, TODAY))
				.hasMessageContaining("not released yet; the newest version is 10");
		}

	}

	@Nested
	class Trials {

		@Test
		void aTrialLastsThirtyDaysAndMayBeExtendedTwice() {
			License trial = trial();
			assertThat(trial.expiresAt()).isEqualTo(TODAY.plusDays(30));
			assertThat(trial.extendTrial(TODAY)).isEqualTo(1);
			assertThat(trial.extendTrial(TODAY.plusDays(40))).isEqualTo(2);
			assertThat(trial.expiresAt()).isEqualTo(TODAY.plusDays(90));
		}

		@Test
		void theThirdExtensionIsRefusedSayingTheLimitIsTwo() {
			License trial = trial();
			trial.extendTrial(TODAY);
			trial.extendTrial(TODAY);
			assertThatThrownBy(() -> trial.extendTrial(TODAY)).isInstanceOf(BusinessRuleException.class)
				.hasMessageContaining("the limit is two");
			assertThat(trial.expiresAt()).isEqualTo(TODAY.plusDays(90));
		}

		@Test
		void anEndedTrialCannotBeExtended() {
			License trial = trial();
			assertThatThrownBy(() -> trial.extendTrial(TODAY.plusDays(30)))
				.hasMessageContaining("can no longer be extended");
		}

		@Test
		void onlyTrialsAreExtended() {
			assertThatThrownBy(() -> annual(TODAY).extendTrial(TODAY)).hasMessageContaining("Only trial licences");
		}

	}

	@Nested
	class Quota {

		@Test
		void unitsAreUsedUpToTheQuotaAndFreedAgain() {
			License license = annual(TODAY);
			license.useQuotaUnit(TODAY);
			license.useQuotaUnit(TODAY);
			assertThatThrownBy(() -> license.useQuotaUnit(TODAY)).isInstanceOf(QuotaExceededException.class)
				.hasMessageContaining("All 2 units");
			license.freeQuotaUnit();
			license.useQuotaUnit(TODAY);
			assertThat(license.quotaUsed()).isEqualTo(2);
			license.addQuota(3);
			license.useQuotaUnit(TODAY);
			assertThat(license.quotaUsed()).isEqualTo(3);
		}

		@Test
		void anExpiredLicenseTakesNoDevice() {
			License license = annual(TODAY.minusYears(2));
			assertThatThrownBy(() -> license.useQuotaUnit(TODAY)).hasMessageContaining("Renew it to activate");
		}

	}

}
