package org.customerportal.order.catalogue;

import java.time.Instant;
import java.util.Set;

import org.customerportal.order.LicenseType;

/**
 * A product as sales staff define it, whatever its prices.
 *
 * @param currentVersion the newest major version released
 * @param version the optimistic-locking version, the product's ETag
 */
public record ProductDefinition(String code, String name, String quotaUnit, Set<LicenseType> licenseTypes,
		int currentVersion, long version, Instant updatedAt, String updatedBy) {

	public boolean soldAs(LicenseType type) {
		return licenseTypes.contains(type);
	}

}
