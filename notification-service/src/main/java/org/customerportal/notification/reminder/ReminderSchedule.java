package org.customerportal.notification.reminder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.customerportal.notification.NotificationProperties;
import org.customerportal.notification.mail.MailQueue;
import org.customerportal.platform.time.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the licence read model and its reminder rows: when a licence's end date becomes known or
 * changes, the rows (licence, end date, threshold, due day) of the new date are written and the unsent
 * ones of any other date are cancelled, together with reminders of that date still waiting in the
 * mail queue. A renewal thus starts a fresh series and nothing due for the old date goes out after it.
 */
@Component
class ReminderSchedule {

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final MailQueue mailQueue;

	private final NotificationProperties properties;

	private final Clock clock;

	ReminderSchedule(JdbcClient jdbc, JdbcTemplate batches, MailQueue mailQueue, NotificationProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.mailQueue = mailQueue;
		this.properties = properties;
		this.clock = clock;
	}

	void licenseEnds(UUID licenseId, UUID orderId, UUID organizationId, String product, String type,
			LocalDate endDate) {
		var now = Timestamps.now(clock);
		jdbc.sql("""
				insert into licence (licence_id, order_id, organization_id, product, type, end_date, updated_at)
				values (:licence, :order, :organization, :product, :type, :endDate, :now)
				on conflict (licence_id) do update
				set order_id = coalesce(licence.order_id, excluded.order_id),
				    organization_id = coalesce(excluded.organization_id, licence.organization_id),
				    product = coalesce(excluded.product, licence.product),
				    type = excluded.type,
				    end_date = excluded.end_date,
				    expired_on = case when excluded.end_date is distinct from licence.end_date then null
				                      else licence.expired_on end,
				    updated_at = excluded.updated_at""")
			.param("licence", licenseId)
			.param("order", orderId)
			.param("organization", organizationId)
			.param("product", product)
			.param("type", type)
			.param("endDate", endDate)
			.param("now", now)
			.update();
		jdbc.sql("""
				update reminder set status = 'CANCELLED', processed_at = :now
				where licence_id = :licence and status = 'DUE' and (cast(:endDate as date) is null or end_date <> :endDate)""")
			.param("licence", licenseId)
			.param("endDate", endDate)
			.param("now", now)
			.update();
		mailQueue.cancelQueuedReminders(licenseId, endDate);
		if (endDate == null || "TRIAL".equals(type)) {
			return;
		}
		LocalDate earliest = today().minusDays(properties.reminders().maxLatenessDays());
		List<Object[]> rows = new ArrayList<>();
		for (int threshold : properties.reminders().thresholds()) {
			LocalDate due = endDate.minusDays(threshold);
			if (!due.isBefore(earliest)) {
				rows.add(new Object[] { licenseId, endDate, threshold, due });
			}
		}
		// A date the licence had before (renewed, then the renewal reverted) gets its unsent rows back;
		// what was already sent for it stays sent (the mail queue's key forbids a second copy).
		batches.batchUpdate("""
				insert into reminder (licence_id, end_date, threshold_days, due_on, status) values (?, ?, ?, ?, 'DUE')
				on conflict (licence_id, end_date, threshold_days) do update set status = 'DUE', processed_at = null
				where reminder.status = 'CANCELLED'""", rows);
	}

	/** Nothing is due after the licence ended: reminders for later days are cancelled. */
	void licenseExpired(UUID licenseId, LocalDate expiredOn) {
		jdbc.sql("update licence set expired_on = ?, updated_at = ? where licence_id = ?")
			.params(expiredOn, Timestamps.now(clock), licenseId)
			.update();
		if (expiredOn != null) {
			jdbc.sql("""
					update reminder set status = 'CANCELLED', processed_at = ?
					where licence_id = ? and status = 'DUE' and due_on > ?""")
				.params(Timestamps.now(clock), licenseId, expiredOn)
				.update();
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(properties.reminders().zone()));
	}

}
