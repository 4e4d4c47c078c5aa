package org.customerportal.license.licenses;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.web.PageResponse;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lists of licences a caller can see, written in SQL so filters and paging happen in the database.
 */
@Component
class LicenseQueries {

	private static final String VISIBLE = """
			(l.order_id in (select c.order_id from order_contact c where c.user_id = :user)
			 or (l.type = 'TRIAL' and l.organization_id in
			     (select m.organization_id from organization_member m where m.user_id = :user)))
			""";

	private final JdbcClient jdbc;

	LicenseQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Filter(LicenseStatus status, String product, UUID organizationId) {
	}

	PageResponse<License> visible(CurrentUser user, Filter filter, LocalDate today, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("user", user.subject())
			.addValue("today", today);
		StringBuilder where = new StringBuilder(" where true");
		if (!user.isSupport()) {
			where.append(" and ").append(VISIBLE);
		}
		if (filter.organizationId() != null) {
			where.append(" and l.organization_id = :organizationId");
			params.addValue("organizationId", filter.organizationId());
		}
		if (filter.product() != null) {
			where.append(" and l.product = :product");
			params.addValue("product", filter.product());
		}
		if (filter.status() != null) {
			where.append(switch (filter.status()) {
				case ACTIVE -> " and l.status = 'ACTIVE' and (l.expires_at is null or l.expires_at > :today)";
				case EXPIRED -> " and (l.status = 'EXPIRED' or (l.status = 'ACTIVE' and l.expires_at <= :today))";
				case REVOKED -> " and l.status = 'REVOKED'";
			});
		}
		long total = jdbc.sql("select count(*) from license l" + where).paramSource(params).query(Long.class).single();
		List<License> items = total == 0 ? List.of()
				: jdbc.sql("select l.* from license l" + where + " order by l.created_at desc, l.id limit :limit offset :offset")
					.paramSource(params.addValue("limit", size).addValue("offset", (long) page * size))
					.query(LicenseRows.INSTANCE)
					.list();
		return new PageResponse<>(items, page, size, total);
	}

	/**
	 * Active annual licences ending and perpetual maintenance ending within the window, soonest first.
	 */
	PageResponse<License> upcomingRenewals(CurrentUser user, UUID organizationId, LocalDate today, LocalDate until,
			int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("user", user.subject())
			.addValue("today", today)
			.addValue("until", until);
		StringBuilder where = new StringBuilder("""
				 where l.status = 'ACTIVE' and (
				   (l.type = 'ANNUAL' and l.expires_at > :today and l.expires_at <= :until)
				   or (l.type = 'PERPETUAL' and l.maintenance_expires_at > :today and l.maintenance_expires_at <= :until))
				""");
		if (!user.isSupport()) {
			where.append(" and l.order_id in (select c.order_id from order_contact c where c.user_id = :user)");
		}
		if (organizationId != null) {
			where.append(" and l.organization_id = :organizationId");
			params.addValue("organizationId", organizationId);
		}
		long total = jdbc.sql("select count(*) from license l" + where).paramSource(params).query(Long.class).single();
		List<License> items = total == 0 ? List.of()
				: jdbc.sql("select l.* from license l" + where
						+ " order by coalesce(l.expires_at, l.maintenance_expires_at), l.id limit :limit offset :offset")
					.paramSource(params.addValue("limit", size).addValue("offset", (long) page * size))
					.query(LicenseRows.INSTANCE)
					.list();
		return new PageResponse<>(items, page, size, total);
	}

}
