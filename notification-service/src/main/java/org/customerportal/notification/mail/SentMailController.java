package org.customerportal.notification.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.customerportal.notification.EmailAddresses;
import org.customerportal.platform.web.PageResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mail log for support: what was sent to whom and when, and what is still waiting or failed.
 * Bodies are not shown (they can carry invitation tokens and unsubscribe links).
 */
@RestController
@Tag(name = "Sent mail", description = "The log of the mails the portal sent, for support.")
@RequestMapping("/api/notifications/sent")
@PreAuthorize("hasRole('support')")
class SentMailController {

	private final JdbcClient jdbc;

	SentMailController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record SentMail(UUID id, String kind, String recipient, String subject, String status, int attempts,
			String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
	}

	@GetMapping
	@Operation(summary = "The sent-mail log, newest first (support only)",
			description = "The mails sent to `recipient`, newest first, as a page. Support only.")
	PageResponse<SentMail> sent(@RequestParam(required = false) String recipient,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		String address = recipient == null || recipient.isBlank() ? null : EmailAddresses.normalize(recipient);
		String filter = address == null ? "" : " where recipient = :recipient";
		JdbcClient.StatementSpec count = jdbc.sql("select count(*) from outgoing_mail" + filter);
		JdbcClient.StatementSpec select = jdbc.sql("""
				select id, kind, recipient, subject, status, attempts, last_error, created_at, next_attempt_at, sent_at
				from outgoing_mail%s
				order by created_at desc, id
				limit :limit offset :offset""".formatted(filter))
			.param("limit", size)
			.param("offset", (long) page * size);
		if (address != null) {
			count = count.param("recipient", address);
			select = select.param("recipient", address);
		}
		long total = count.query(Long.class).single();
		List<SentMail> items = select.query((rs, row) -> new SentMail(rs.getObject("id", UUID.class),
				rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"), rs.getString("status"),
				rs.getInt("attempts"), rs.getString("last_error"), instant(rs.getObject("created_at", OffsetDateTime.class)),
				"QUEUED".equals(rs.getString("status"))
						? instant(rs.getObject("next_attempt_at", OffsetDateTime.class)) : null,
				instant(rs.getObject("sent_at", OffsetDateTime.class))))
			.list();
		return new PageResponse<>(items, page, size, total);
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

}
