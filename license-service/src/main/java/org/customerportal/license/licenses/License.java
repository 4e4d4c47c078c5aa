package org.customerportal.license.licenses;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A licence: the right of an organisation to use a product at a major version, on up to {@code quota}
 * devices.
 * <p>
 * Dates: an annual or trial licence is valid from {@code validFrom} up to, but not including,
 * {@code expiresAt}. A perpetual licence never expires; its maintenance (free upgrades) runs up to, but
 * not including, {@code maintenanceExpiresAt}.
 */
@Table("license")
public class License {

	/** Trials last this long, and each extension adds as much. */
	public static final int TRIAL_DAYS = 30;

	/** A trial may be extended this many times. */
	public static final int MAX_TRIAL_EXTENSIONS = 2;

	/** What a customer is told when trying to use or change a revoked licence. */
	public static final String REVOKED_REFUSAL = "This licence has been revoked. Contact support.";

	@Id
	private final UUID id;

	private final String licenseKey;

	private final UUID organizationId;

	private final UUID orderId;

	private final String product;

	private final LicenseType type;

	private int productVersion;

	private int quota;

	private int quotaUsed;

	private final LocalDate validFrom;

	private LocalDate expiresAt;

	private LocalDate maintenanceExpiresAt;

	private LicenseStatus status;

	private int extensions;

	private final String startedBy;

	private final Instant createdAt;

	private Instant revokedAt;

	private String revocationReason;

	@Version
	private Long version;

	@PersistenceCreator
	License(UUID id, String licenseKey, UUID organizationId, UUID orderId, String product, LicenseType type,
			int productVersion, int quota, int quotaUsed, LocalDate validFrom, LocalDate expiresAt,
			LocalDate maintenanceExpiresAt, LicenseStatus status, int extensions, String startedBy, Instant createdAt,
			Instant revokedAt, String revocationReason, Long version) {
		this.id = id;
		this.licenseKey = licenseKey;
		this.organizationId = organizationId;
		this.orderId = orderId;
		this.product = product;
		this.type = type;
		this.productVersion = productVersion;
		this.quota = quota;
		this.quotaUsed = quotaUsed;
		this.validFrom = validFrom;
		this.expiresAt = expiresAt;
		this.maintenanceExpiresAt = maintenanceExpiresAt;
		this.status = status;
		this.extensions = extensions;
		this.startedBy = startedBy;
		this.createdAt = createdAt;
		this.revokedAt = revokedAt;
		this.revocationReason = revocationReason;
		this.version = version;
	}

	/**
	 * A licence bought in a paid order: annual for one year, perpetual for ever with one year of
	 * maintenance, both from {@code validFrom}.
	 */
	public static License purchased(UUID organizationId, UUID orderId, String product, LicenseType type,
			int productVersion, int quota, LocalDate validFrom, Instant now) {
		if (type == LicenseType.TRIAL) {
			throw new IllegalArgumentException("A trial is not bought in an order");
		}
		LocalDate oneYearLater = validFrom.plusYears(1);
		return new License(UUID.randomUUID(), LicenseKeys.next(), organizationId, orderId, product, type,
				productVersion, quota, 0, validFrom, type == LicenseType.ANNUAL ? oneYearLater : null,
				type == LicenseType.PERPETUAL ? oneYearLater : null, LicenseStatus.ACTIVE, 0, null, now, null, null,
				null);
	}

	/** A 30-day trial of a product for an organisation, started by one of its members. */
	public static License trial(UUID organizationId, String product, int productVersion, int quota, String startedBy,
			LocalDate today, Instant now) {
		return new License(UUID.randomUUID(), LicenseKeys.next(), organizationId, null, product, LicenseType.TRIAL,
				productVersion, quota, 0, today, today.plusDays(TRIAL_DAYS), null, LicenseStatus.ACTIVE, 0, startedBy, now,
				null, null, null);
	}

	/** The later of a term's current end and today, plus one year: renewing early never loses paid time. */
	public static LocalDate renewedEnd(LocalDate currentEnd, LocalDate today) {
		LocalDate from = currentEnd.isAfter(today) ? currentEnd : today;
		return from.plusYears(1);
	}

	/**
	 * Renews for a year: an annual licence's term (reactivating it if it had lapsed), or a perpetual
	 * licence's maintenance.
	 */
	public void renew(LocalDate today) {
		switch (type) {
			case ANNUAL -> {
				expiresAt = renewedEnd(expiresAt, today);
				if (status == LicenseStatus.EXPIRED) {
					status = LicenseStatus.ACTIVE;
				}
			}
			case PERPETUAL -> maintenanceExpiresAt = renewedEnd(maintenanceExpiresAt, today);
			case TRIAL -> throw new BusinessRuleException("A trial licence cannot be renewed; buy a licence instead.");
		}
	}

	public void addQuota(int added) {
		if (added < 1) {
			throw new IllegalArgumentException("Quota is added in whole positive units, not " + added);
		}
		quota = Math.addExact(quota, added);
	}

	/** Whether the licence is past its end on that day (perpetual licences never end). */
	public boolean hasEnded(LocalDate today) {
		return expiresAt != null && !today.isBefore(expiresAt);
	}

	/** The status as a customer sees it on that day: an ended licence is expired even before the job marks it. */
	public LicenseStatus effectiveStatus(LocalDate today) {
		return status == LicenseStatus.ACTIVE && hasEnded(today) ? LicenseStatus.EXPIRED : status;
	}

	/** Whether a free upgrade is allowed on that day, and why in words. */
	public UpgradeEligibility upgradeEligibility(LocalDate today) {
		if (status == LicenseStatus.REVOKED) {
			return UpgradeEligibility.no("This licence has been revoked, so it cannot be upgraded. Contact support.");
		}
		return switch (type) {
			case TRIAL -> UpgradeEligibility.no("Trial licences cannot be upgraded. Buy a licence to get newer versions.");
			case ANNUAL -> hasEnded(today)
					? UpgradeEligibility.no("Your annual licence expired on " + expiresAt
							+ ". Renew it to upgrade for free.")
					: UpgradeEligibility.yes("Your annual licence is valid until " + expiresAt
							+ ", so upgrades are free.");
			case PERPETUAL -> today.isBefore(maintenanceExpiresAt)
					? UpgradeEligibility.yes("Maintenance of your perpetual licence is valid until "
							+ maintenanceExpiresAt + ", so upgrades are free.")
					: UpgradeEligibility.no("Maintenance of your perpetual licence ended on " + maintenanceExpiresAt
							+ ". Renew maintenance to upgrade for free.");
		};
	}

	/**
	 * Moves the licence to a newer major version for free, if eligible on that day and the version is
	 * released; returns the version it had.
	 */
	public int upgradeTo(int targetVersion, int latestReleased, LocalDate today) {
		UpgradeEligibility eligibility = upgradeEligibility(today);
		if (!eligibility.eligible()) {
			throw new BusinessRuleException(eligibility.reason());
		}
		if (targetVersion <= productVersion) {
			throw new BusinessRuleException("This licence already covers version " + productVersion + " of "
					+ product + "; choose a newer version to upgrade to.");
		}
		if (targetVersion > latestReleased) {
			throw new BusinessRuleException("Version " + targetVersion + " of " + product
					+ " is not released yet; the newest version is " + latestReleased + ".");
		}
		int from = productVersion;
		productVersion = targetVersion;
		return from;
	}

	/** A paid upgrade order moved the licence to a newer version (an older or equal one changes nothing). */
	public boolean upgradedByOrder(int targetVersion) {
		if (targetVersion <= productVersion) {
			return false;
		}
		productVersion = targetVersion;
		return true;
	}

	/** Extends a trial by 30 days, at most twice; returns the number of extensions granted so far. */
	public int extendTrial(LocalDate today) {
		if (type != LicenseType.TRIAL) {
			throw new BusinessRuleException("Only trial licences can be extended; renew this licence instead.");
		}
		if (extensions >= MAX_TRIAL_EXTENSIONS) {
			throw new BusinessRuleException("This trial has already been extended twice, and the limit is two. "
					+ "Buy a licence to keep using " + product + ".");
		}
		if (status == LicenseStatus.REVOKED) {
			throw new BusinessRuleException(REVOKED_REFUSAL);
		}
		if (status != LicenseStatus.ACTIVE || hasEnded(today)) {
			throw new BusinessRuleException("This trial ended on " + expiresAt
					+ " and can no longer be extended. Start a new trial or buy a licence.");
		}
		extensions++;
		expiresAt = expiresAt.plusDays(TRIAL_DAYS);
		return extensions;
	}

	/** Uses one unit of quota for a new device; refused when the licence is not usable or the quota is used up. */
	public void useQuotaUnit(LocalDate today) {
		requireUsable(today);
		if (quotaUsed >= quota) {
			throw new QuotaExceededException(quota);
		}
		quotaUsed++;
	}

	/** Returns the unit a freed device used. */
	public void freeQuotaUnit() {
		if (quotaUsed > 0) {
			quotaUsed--;
		}
	}

	private void requireUsable(LocalDate today) {
		switch (effectiveStatus(today)) {
			case REVOKED -> throw new BusinessRuleException(REVOKED_REFUSAL);
			case EXPIRED -> throw new BusinessRuleException("This licence expired on " + expiresAt
					+ ". Renew it to activate devices again.");
			case ACTIVE -> {
			}
		}
	}

	/**
	 * Revokes the licence (support): it validates as REVOKED and can no longer be activated, upgraded,
	 * renewed or extended until reinstated. 409 if it is revoked already.
	 */
	public void revoke(String reason, Instant now) {
		if (status == LicenseStatus.REVOKED) {
			throw new ConflictException("This licence was already revoked on " + revokedAt.atZone(ZoneOffset.UTC).toLocalDate()
					+ "; reinstate it first to revoke it with another reason.");
		}
		status = LicenseStatus.REVOKED;
		revokedAt = now;
		revocationReason = reason;
	}

	/**
	 * Lifts a revocation: the licence is active again, or expired if its term ended meanwhile. 409 if it is
	 * not revoked.
	 */
	public void reinstate(LocalDate today) {
		if (status != LicenseStatus.REVOKED) {
			throw new ConflictException("This licence is not revoked, so there is nothing to reinstate.");
		}
		status = hasEnded(today) ? LicenseStatus.EXPIRED : LicenseStatus.ACTIVE;
		revokedAt = null;
		revocationReason = null;
	}

	/** Marks an ended licence expired; false if it was not active or has not ended. */
	public boolean expire(LocalDate today) {
		if (status != LicenseStatus.ACTIVE || !hasEnded(today)) {
			return false;
		}
		status = LicenseStatus.EXPIRED;
		return true;
	}

	public UUID id() {
		return id;
	}

	public String licenseKey() {
		return licenseKey;
	}

	public UUID organizationId() {
		return organizationId;
	}

	public UUID orderId() {
		return orderId;
	}

	public String product() {
		return product;
	}

	public LicenseType type() {
		return type;
	}

	public int productVersion() {
		return productVersion;
	}

	public int quota() {
		return quota;
	}

	public int quotaUsed() {
		return quotaUsed;
	}

	public LocalDate validFrom() {
		return validFrom;
	}

	public LocalDate expiresAt() {
		return expiresAt;
	}

	public LocalDate maintenanceExpiresAt() {
		return maintenanceExpiresAt;
	}

	public LicenseStatus status() {
		return status;
	}

	public int extensions() {
		return extensions;
	}

	public String startedBy() {
		return startedBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant revokedAt() {
		return revokedAt;
	}

	public String revocationReason() {
		return revocationReason;
	}

	public boolean isTrial() {
		return type == LicenseType.TRIAL;
	}

}
