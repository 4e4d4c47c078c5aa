package org.customerportal.order.catalogue;

import java.time.Instant;
import java.util.List;

import org.customerportal.platform.time.Timestamps;
import org.customerportal.platform.web.PageResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue's audit trail: each change is written in the transaction that makes it, with who made
 * it and the state it led to.
 */
@Component
class CatalogueAudit {

	enum SubjectType {

		PRODUCT, RELEASE, PRICE_LIST, ORGANIZATION_CURRENCY

	}

	/** One change: {@code details} is the changed thing as it was left. */
	record Change(long id, Instant changedAt, String changedBy, SubjectType subjectType, String subject,
			String action, JsonNode details) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CatalogueAudit(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void record(Instant at, String by, SubjectType type, String subject, String action, Object details) {
		jdbc.sql("""
				insert into catalogue_change (changed_at, changed_by, subject_type, subject, action, details)
				values (?, ?, ?, ?, ?, ?::jsonb)
				""")
			.params(Timestamps.of(at), by, type.name(), subject, action, json.writeValueAsString(details))
			.update();
	}

	/** Newest first, optionally of one kind of thing or one thing. */
	PageResponse<Change> changes(SubjectType type, String subject, int page, int size) {
		String where = " where (cast(:type as text) is null or subject_type = :type)"
				+ " and (cast(:subject as text) is null or subject = :subject)";
		String typeName = type == null ? null : type.name();
		long total = jdbc.sql("select count(*) from catalogue_change" + where)
			.param("type", typeName)
			.param("subject", subject)
			.query(Long.class)
			.single();
		List<Change> items = jdbc
			.sql("select * from catalogue_change" + where + " order by id desc limit :limit offset :offset")
			.param("type", typeName)
			.param("subject", subject)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> new Change(rs.getLong("id"), rs.getTimestamp("changed_at").toInstant(),
					rs.getString("changed_by"), SubjectType.valueOf(rs.getString("subject_type")),
					rs.getString("subject"), rs.getString("action"), json.readTree(rs.getString("details"))))
			.list();
		return new PageResponse<>(items, page, size, total);
	}

}
