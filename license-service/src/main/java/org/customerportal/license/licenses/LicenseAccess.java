package org.customerportal.license.licenses;

import java.util.UUID;

import org.customerportal.license.audience.Audience;
import org.customerportal.platform.problem.ForbiddenException;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Finds a licence the caller may see: support sees every licence, the current contacts of its order see a
 * bought licence, the members of its organisation see a trial. Anyone else is told it does not exist.
 */
@Component
public class LicenseAccess {

	static final String SUPPORT_CANNOT_CHANGE = "Support staff can see this licence but not change it: its "
			+ "activations, upgrades and trial extensions are for the contacts of its order (a trial: the members "
			+ "of its company).";

	private final LicenseRepository repository;

	private final Audience audience;

	LicenseAccess(LicenseRepository repository, Audience audience) {
		this.repository = repository;
		this.audience = audience;
	}

	/**
	 * For callers outside transactions: a member of a trial's organisation whom the read model does not
	 * know yet is confirmed by account-service.
	 */
	public License visible(UUID licenseId, CurrentUser user) {
		return repository.findById(licenseId)
			.filter(license -> license.isTrial() && !user.isSupport()
					? audience.isMember(license.organizationId(), user) : canSee(license, user))
			.orElseThrow(() -> notFound(licenseId));
	}

	/**
	 * A licence the caller may change (activations, upgrade, trial extension): support sees every licence
	 * but changes none, since quota and extensions are the customer's to spend (403, like support on
	 * another company's order).
	 */
	public License changeable(UUID licenseId, CurrentUser user) {
		return requireCustomer(visible(licenseId, user), user);
	}

	/**
	 * Like {@link #changeable} with a row lock, for changes that must not interleave; from the read model
	 * alone (call {@link #visible} first, outside the transaction, to confirm a member not known yet).
	 */
	public License changeableLocked(UUID licenseId, CurrentUser user) {
		return requireCustomer(repository.findLockedById(licenseId)
			.filter(license -> canSee(license, user))
			.orElseThrow(() -> notFound(licenseId)), user);
	}

	private License requireCustomer(License license, CurrentUser user) {
		if (user.isSupport() && !(license.isTrial() ? audience.isMember(license.organizationId(), user.subject())
				: audience.isContact(license.orderId(), user.subject()))) {
			throw new ForbiddenException(SUPPORT_CANNOT_CHANGE);
		}
		return license;
	}

	public boolean canSee(License license, CurrentUser user) {
		if (user.isSupport()) {
			return true;
		}
		return license.isTrial() ? audience.isMember(license.organizationId(), user.subject())
				: audience.isContact(license.orderId(), user.subject());
	}

	public static NotFoundException notFound(UUID licenseId) {
		return new NotFoundException("Licence " + licenseId + " is not among the licences you can see. If your company "
				+ "bought it, ask a contact of its order to add you to the order's contacts.");
	}

}
