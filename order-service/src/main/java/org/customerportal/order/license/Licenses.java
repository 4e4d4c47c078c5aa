package org.customerportal.order.license;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which order each licence came from and what it covers: the read model built from
 * license-service's events.
 */
@Component
public class Licenses {

	private static final String SELECT = """
			select license_id, order_id, organization_id, product, type, product_version, quota, expires_at,
			       maintenance_expires_at, expired, revoked
			from license
			""";

	private final JdbcClient jdbc;

	Licenses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<LicenseRecord> find(UUID licenseId) {
		return jdbc.sql(SELECT + " where license_id = ?").param(licenseId).query(LicenseRecord.class).optional();
	}

	public List<LicenseRecord> findAll(Collection<UUID> licenseIds) {
		if (licenseIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where license_id = any(?)")
			.param(licenseIds.toArray(UUID[]::new))
			.query(LicenseRecord.class)
			.list();
	}

}
