package org.customerportal.license.licenses;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;

/**
 * Reads a licence from a {@code select * from license} row, for queries written in SQL.
 */
final class LicenseRows implements RowMapper<License> {

	static final LicenseRows INSTANCE = new LicenseRows();

	@Override
	public License mapRow(ResultSet rs, int rowNum) throws SQLException {
		return new License(rs.getObject("id", UUID.class), rs.getString("license_key"),
				rs.getObject("organization_id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getString("product"), LicenseType.valueOf(rs.getString("type")), rs.getInt("product_version"),
				rs.getInt("quota"), rs.getInt("quota_used"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("expires_at", LocalDate.class), rs.getObject("maintenance_expires_at", LocalDate.class),
				LicenseStatus.valueOf(rs.getString("status")), rs.getInt("extensions"), rs.getString("started_by"),
				instant(rs.getObject("created_at", OffsetDateTime.class)),
				instant(rs.getObject("revoked_at", OffsetDateTime.class)), rs.getString("revocation_reason"),
				rs.getLong("version"));
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

}
