package org.customerportal.account.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.customerportal.platform.web.PageResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the support console finds: people by a part of their e-mail address or name, companies by a
 * part of their name or of a member's e-mail address. Case-insensitive substring matches, served by
 * the trigram indexes of V2 where PostgreSQL has pg_trgm. Removed accounts are not found.
 */
@Component
class SupportSearch {

	private static final String USERS = """
			from portal_user u
			left join membership m on m.user_id = u.id
			left join organization o on o.id = m.organization_id
			where u.removed_at is null and (lower(u.email) like :pattern or lower(u.name) like :pattern)
			""";

	private static final String ORGANIZATIONS = """
			from organization o
			where lower(o.name) like :pattern
			   or exists (select 1 from membership m join portal_user u on u.id = m.user_id
			              where m.organization_id = o.id and lower(u.email) like :pattern)
			""";

	private final JdbcClient jdbc;

	SupportSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record UserMatch(String id, String email, String name, UUID organizationId, String organizationName) {
	}

	record OrganizationMatch(UUID id, String name, String primaryContactId, Instant createdAt,
			long memberCount) {
	}

	PageResponse<UserMatch> users(String query, int page, int size) {
		String pattern = pattern(query);
		long total = jdbc.sql("select count(*) " + USERS).param("pattern", pattern).query(Long.class).single();
		List<UserMatch> items = total == 0 ? List.of()
				: jdbc.sql("select u.id, u.email, u.name, o.id as organization_id, o.name as organization_name " + USERS
						+ " order by lower(u.email), u.id limit :limit offset :offset")
					.param("pattern", pattern)
					.param("limit", size)
					.param("offset", (long) page * size)
					.query((rs, row) -> new UserMatch(rs.getString("id"), rs.getString("email"), rs.getString("name"),
							rs.getObject("organization_id", UUID.class), rs.getString("organization_name")))
					.list();
		return new PageResponse<>(items, page, size, total);
	}

	PageResponse<OrganizationMatch> organizations(String query, int page, int size) {
		String pattern = pattern(query);
		long total = jdbc.sql("select count(*) " + ORGANIZATIONS).param("pattern", pattern).query(Long.class).single();
		List<OrganizationMatch> items = total == 0 ? List.of()
				: jdbc.sql("""
						select o.id, o.name, o.primary_contact_id, o.created_at,
						       (select count(*) from membership c where c.organization_id = o.id) as member_count
						""" + ORGANIZATIONS + " order by lower(o.name), o.id limit :limit offset :offset")
					.param("pattern", pattern)
					.param("limit", size)
					.param("offset", (long) page * size)
					.query((rs, row) -> new OrganizationMatch(rs.getObject("id", UUID.class), rs.getString("name"),
							rs.getString("primary_contact_id"),
							rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("member_count")))
					.list();
		return new PageResponse<>(items, page, size, total);
	}

	/** A LIKE pattern that finds the query anywhere, its own % and _ taken literally. */
	static String pattern(String query) {
		String literal = query.strip()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + literal + "%";
	}

}
