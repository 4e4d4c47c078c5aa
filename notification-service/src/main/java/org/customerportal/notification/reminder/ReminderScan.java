package org.customerportal.notification.reminder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.customerportal.notification.NotificationProperties;
import org.customerportal.platform.time.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the reminders due today and writes one mail per current, not opted-out contact of the
 * licence's order into the mail queue. Reads only the partial index of due rows by day; claims them with
 * {@code FOR UPDATE SKIP LOCKED} in batches, so two instances scanning at once split the work, and the
 * mail queue's unique key (licence, end date, threshold, recipient) keeps any path from queueing a copy.
 */
@Component
class ReminderScan implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ReminderScan.class);

	static final String CLAIM_DUE = """
			select licence_id, end_date, threshold_days from reminder
			where status = 'DUE' and due_on <= ?
			order by due_on
			limit ?
			for update skip locked""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final NotificationProperties properties;

	private final Clock clock;

	ReminderScan(JdbcClient jdbc, TransactionTemplate transactions, NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	record ScanResult(LocalDate date, int reminders, int skipped, int mails) {

		ScanResult plus(ScanResult batch) {
			return new ScanResult(date, reminders + batch.reminders, skipped + batch.skipped, mails + batch.mails);
		}

	}

	private record Due(UUID licenseId, LocalDate endDate, int thresholdDays) {
	}

	/** Scheduled from its settings, so their defaults live in {@link NotificationProperties} alone. */
	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::scheduled, properties.reminders().scanInterval(),
				properties.reminders().scanInitialDelay()));
	}

	void scheduled() {
		ScanResult result = scan();
		if (result.reminders() + result.skipped() > 0) {
			log.info("Reminder scan for {}: {} reminders, {} mails queued, {} skipped", result.date(),
					result.reminders(), result.mails(), result.skipped());
		}
	}

	ScanResult scan() {
		LocalDate today = LocalDate.now(clock.withZone(properties.reminders().zone()));
		int batchSize = properties.reminders().batchSize();
		ScanResult total = new ScanResult(today, 0, 0, 0);
		while (true) {
			ScanResult batch = transactions.execute(status -> scanBatch(today, batchSize));
			total = total.plus(batch);
			if (batch.reminders() + batch.skipped() < batchSize) {
				return total;
			}
		}
	}

	private ScanResult scanBatch(LocalDate today, int batchSize) {
		List<Due> due = jdbc.sql(CLAIM_DUE)
			.params(today, batchSize)
			.query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getInt(3)))
			.list();
		if (due.isEmpty()) {
			return new ScanResult(today, 0, 0, 0);
		}
		// The claimed keys travel as three comma-separated lists, unnested side by side in SQL.
		String licenses = join(due, d -> d.licenseId().toString());
		String endDates = join(due, d -> d.endDate().toString());
		String thresholds = join(due, d -> Integer.toString(d.thresholdDays()));
		var now = Timestamps.now(clock);

		// Found too late (the service was down), or a nearer threshold is due as well: only the most
		// recent reminder of a series goes out.
		int skipped = jdbc.sql("""
				update reminder r set status = 'SKIPPED', processed_at = :now
				from unnest(cast(string_to_array(:licences, ',') as uuid[]), cast(string_to_array(:endDates, ',') as date[]),
				             cast(string_to_array(:thresholds, ',') as int[]))
				  as k(licence_id, end_date, threshold_days)
				where r.licence_id = k.licence_id and r.end_date = k.end_date and r.threshold_days = k.threshold_days
				  and (r.due_on < cast(:today as date) - cast(:lateness as int)
				       or exists (select 1 from reminder nearer
				                  where nearer.licence_id = r.licence_id and nearer.end_date = r.end_date
				                    and nearer.threshold_days < r.threshold_days and nearer.due_on <= :today
				                    and nearer.status in ('DUE', 'QUEUED')))""")
			.param("licences", licenses)
			.param("endDates", endDates)
			.param("thresholds", thresholds)
			.param("today", today)
			.param("lateness", properties.reminders().maxLatenessDays())
			.param("now", now)
			.update();

		int mails = jdbc.sql("""
				insert into outgoing_mail (id, kind, recipient, model, licence_id, end_date, threshold_days, status,
				                           next_attempt_at, created_at)
				select gen_random_uuid(), 'RENEWAL_REMINDER', c.email,
				       jsonb_build_object('licenceId', l.licence_id, 'orderId', l.order_id, 'product', l.product,
				                          'productName', pr.name, 'licenceType', l.type, 'endDate', r.end_date,
				                          'thresholdDays', r.threshold_days, 'name', p.name),
				       l.licence_id, r.end_date, r.threshold_days, 'QUEUED', :now, :now
				from unnest(cast(string_to_array(:licences, ',') as uuid[]), cast(string_to_array(:endDates, ',') as date[]),
				             cast(string_to_array(:thresholds, ',') as int[]))
				       as k(licence_id, end_date, threshold_days)
				join reminder r on r.licence_id = k.licence_id and r.end_date = k.end_date
				               and r.threshold_days = k.threshold_days and r.status = 'DUE'
				join licence l on l.licence_id = r.licence_id and l.end_date = r.end_date and l.type <> 'TRIAL'
				join order_contact c on c.order_id = l.order_id
				left join person p on p.user_id = c.user_id
				left join product pr on pr.code = l.product
				left join mail_preference mp on mp.email = c.email
				where coalesce(mp.renewal_reminders, true)
				on conflict do nothing""")
			.param("licences", licenses)
			.param("endDates", endDates)
			.param("thresholds", thresholds)
			.param("now", now)
			.update();

		int queued = jdbc.sql("""
				update reminder r set status = 'QUEUED', processed_at = :now
				from unnest(cast(string_to_array(:licences, ',') as uuid[]), cast(string_to_array(:endDates, ',') as date[]),
				             cast(string_to_array(:thresholds, ',') as int[]))
				  as k(licence_id, end_date, threshold_days)
				where r.licence_id = k.licence_id and r.end_date = k.end_date and r.threshold_days = k.threshold_days
				  and r.status = 'DUE'""")
			.param("licences", licenses)
			.param("endDates", endDates)
			.param("thresholds", thresholds)
			.param("now", now)
			.update();
		return new ScanResult(today, queued, skipped, mails);
	}

	private static String join(List<Due> due, Function<Due, String> value) {
		return due.stream().map(value).collect(Collectors.joining(","));
	}

}
