package org.customerportal.license.trial;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.customerportal.license.audience.Audience;
import org.customerportal.license.licenses.License;
import org.customerportal.license.licenses.LicenseAccess;
import org.customerportal.license.licenses.LicenseExpired;
import org.customerportal.license.licenses.LicenseProperties;
import org.customerportal.license.licenses.LicenseStatus;
import org.customerportal.license.licenses.Licenses;
import org.customerportal.license.licenses.ProductReleases;
import org.customerportal.license.licenses.TrialExtended;
import org.customerportal.license.licenses.TrialStarted;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 30-day trials: one active trial per product per organisation (the database's unique index decides
 * between concurrent requests), extended by 30 days at most twice (the trial's row lock orders concurrent
 * extensions, so the third always sees the first two). A company tries each major version of a product
 * once: an ended trial is not started afresh (that would be a free licence, 90 days at a time), a new
 * major version can be tried again.
 */
@Component
class Trials {

	private final Audience audience;

	private final LicenseAccess access;

	private final Licenses licenses;

	private final ProductReleases releases;

	private final LicenseProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Trials(Audience audience, LicenseAccess access, Licenses licenses,
			ProductReleases releases, LicenseProperties properties, TransactionTemplate transactions, Clock clock) {
		this.audience = audience;
		this.access = access;
		this.licenses = licenses;
		this.releases = releases;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Outside a transaction: a caller not known yet is confirmed by account-service first. */
	public License start(CurrentUser user, String product) {
		UUID organizationId = audience.organizationOf(user)
			.orElseThrow(() -> new BusinessRuleException("A trial belongs to a company account. Create your "
					+ "organisation or accept an invitation to one, then start the trial."));
		return transactions.execute(status -> start(user, product, organizationId));
	}

	private License start(CurrentUser user, String product, UUID organizationId) {
		if (!properties.product(product).map(LicenseProperties.Product::trials).orElse(true)) {
			throw new BusinessRuleException("We do not offer trials of " + product + ". Contact sales for a demo.");
		}
		int version = releases.latestVersion(product)
			.orElseThrow(() -> new BusinessRuleException(
					"There is no product " + product + " to try. Check the product code in the catalogue."));
		LocalDate today = LocalDate.now(clock);
		Instant now = clock.instant();
		Optional<License> current = licenses.findActiveTrialLocked(organizationId, product);
		if (current.isPresent()) {
			License previous = current.get();
			if (!previous.expire(today)) {
				throw alreadyRunning(product, previous.expiresAt());
			}
			licenses.save(previous, LicenseExpired.of(previous, now));
		}
		List<License> earlier = licenses.findTrialsOf(organizationId, product, version);
		for (License trial : earlier) {
			if (trial.status() == LicenseStatus.ACTIVE) {
				// started by a concurrent request that committed after our look for a running one
				throw alreadyRunning(product, trial.expiresAt());
			}
		}
		if (!earlier.isEmpty()) {
			throw new BusinessRuleException("Your company has already tried " + product + " " + version + " (from "
					+ earlier.get(0).validFrom() + "); each version can be tried once. Buy a licence to keep using "
					+ "it, or contact sales if you need more time to evaluate it.");
		}
		License trial = License.trial(organizationId, product, version, properties.trialQuota(), user.subject(), today,
				now);
		try {
			return licenses.save(trial, TrialStarted.of(trial, now));
		}
		catch (RuntimeException ex) {
			if (Licenses.causedByDuplicateKey(ex)) {
				// another member started one at the same moment
				throw alreadyRunning(product, null);
			}
			throw ex;
		}
	}

	public License extend(CurrentUser user, UUID trialId) {
		// a member not known yet is confirmed here, before the transaction and its row lock
		access.visible(trialId, user);
		return transactions.execute(status -> {
			License trial = access.changeableLocked(trialId, user);
			trial.extendTrial(LocalDate.now(clock));
			return licenses.save(trial, TrialExtended.of(trial, clock.instant()));
		});
	}

	private static ConflictException alreadyRunning(String product, LocalDate until) {
		return new ConflictException("Your organisation already has an active trial of " + product
				+ (until != null ? " until " + until : "") + ". Extend that trial instead of starting a new one.");
	}

}
