package org.customerportal.notification.bench;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.customerportal.notification.NotificationServiceApplication;
import org.customerportal.notification.mail.MailBench;
import org.customerportal.notification.reminder.ReminderBench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test): 1,000,000 licences in the read model, then the time one reminder scan takes to
 * find the reminders due today (with the query plan), the time to queue their mails, and the rate at
 * which the mail worker sends them to a real SMTP server (GreenMail, in this JVM).
 * <p>
 * Run with {@code bench/notifications/run.sh}. Arguments: licences (default 1,000,000), sender threads
 * for the second sending round (default 4, the service's default), mails per sending round (default 10,000).
 */
public final class NotificationBenchmark {

	public static void main(String[] args) throws Exception {
		int licenses = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int senders = args.length > 1 ? Integer.parseInt(args[1]) : 4;
		int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		System.out.println("== Starting PostgreSQL (embedded, default durability settings) and GreenMail SMTP");
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setServerConfig("shared_buffers", "256MB")
			.setServerConfig("max_wal_size", "4GB")
			.start();
		int smtpPort = freePort();
		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();

		// command-line arguments outrank application.yml and the environment: the benchmark must never
		// touch a database or mail server other than its own
		String[] settings = { "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--spring.mail.username=",
				"--spring.mail.password=", "--server.port=0", "--management.server.port=0",
				// the unsubscribe key committed for development signs the benchmark's links
				"--spring.profiles.active=test",
				// no broker needed: the read model is seeded directly, nothing is published
				"--spring.kafka.bootstrap-servers=127.0.0.1:9", "--spring.kafka.listener.auto-startup=false",
				"--spring.kafka.admin.auto-create=false", "--portal.events.resubmit-interval=1h",
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/portal",
				// the benchmark drives the scan and the worker itself
				"--portal.notifications.reminders.scan-initial-delay=1h",
				"--portal.notifications.mail.poll-interval=1h", "--logging.level.root=WARN" };
		ConfigurableApplicationContext context = new SpringApplicationBuilder(NotificationServiceApplication.class)
			.run(settings);
		String url = context.getEnvironment().getProperty("spring.datasource.url");
		if (!url.equals(postgres.getJdbcUrl("postgres", "postgres"))) {
			throw new IllegalStateException("Refusing to run against " + url);
		}
		try {
			DataSource dataSource = context.getBean(DataSource.class);
			try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
				seed(sql, licenses, today);
				printCounts(sql, today);

				System.out.println("\n== Plan of the scan's claim query (first batch of 1000; rolled back)");
				connection.setAutoCommit(false);
				String claim = ReminderBench.claimQuery().replaceFirst("\\?", "'" + today + "'").replaceFirst("\\?", "1000");
				print(sql, "explain (analyze, buffers) " + claim);
				connection.rollback();
				System.out.println("\n== Plan of finding every reminder due today");
				print(sql, "explain (analyze, buffers) select licence_id, end_date, threshold_days from reminder"
						+ " where status = 'DUE' and due_on <= '" + today + "'");
				connection.rollback();
				connection.setAutoCommit(true);

				long found = timeFind(sql, today);
				System.out.printf(Locale.ROOT, "%nFinding today's due reminders: %d rows in %.1f ms (best of 5)%n", found,
						bestFindMillis(sql, today));

				System.out.println("\n== One whole scan: claim, skip stale, queue one mail per current contact");
				long start = System.nanoTime();
				ReminderBench.Scanned scanned = ReminderBench.scan(context);
				double scanMillis = (System.nanoTime() - start) / 1e6;
				System.out.printf(Locale.ROOT, "Scan: %d reminders, %d skipped, %d mails queued in %.0f ms%n",
						scanned.reminders(), scanned.skipped(), scanned.mails(), scanMillis);

				System.out.println("\n== Sending to SMTP (GreenMail in this JVM)");
				// only the first rounds' mails are due now; the rest wait
				sql.execute("update outgoing_mail set next_attempt_at = now() + interval '1 day' where status = 'QUEUED'");
				sendRound(context, sql, smtp, Math.max(perRound / 10, 200), senders, "warm-up");
				double oneThread = sendRound(context, sql, smtp, perRound, 1, "measured");
				double more = sendRound(context, sql, smtp, perRound, senders, "measured");
				System.out.printf(Locale.ROOT, "%nSending: %.0f mails/s over one SMTP connection, %.0f mails/s over %d (the default)%n",
						oneThread, more, senders);
			}
		}
		finally {
			context.close();
			smtp.stop();
			postgres.close();
		}
	}

	private static void seed(Statement sql, int licenses, LocalDate today) throws Exception {
		int orders = (licenses + 2) / 3;
		System.out.printf(Locale.ROOT, "== Seeding %,d licences (%,d orders, 2 contacts each) and their reminders%n",
				licenses, orders);
		long start = System.nanoTime();
		sql.execute("set synchronous_commit = off");
		sql.execute("insert into product (code, name) values ('DBR', 'Dynamic Barcode Reader'), ('DWT', 'Dynamic Web TWAIN')");
		// orders: ids derived from the sequence number so licences can point at them
		sql.execute("""
				insert into person (user_id, email, name, updated_at)
				select 'user-' || i, 'contact-' || i || '@customer.example', 'Contact ' || i, now()
				from generate_series(1, %d) i""".formatted(orders * 2));
		sql.execute("""
				insert into order_contact (order_id, user_id, email)
				select md5('order-' || o)::uuid, 'user-' || (2 * o - c), 'contact-' || (2 * o - c) || '@customer.example'
				from generate_series(1, %d) o, generate_series(0, 1) c""".formatted(orders));
		// licences end on every day of the coming 400, one in five perpetual (maintenance end)
		sql.execute("""
				insert into licence (licence_id, order_id, organization_id, product, type, end_date, updated_at)
				select md5('licence-' || i)::uuid, md5('order-' || ((i - 1) / 3 + 1))::uuid, md5('org-' || (i / 30))::uuid,
				       case when i %% 2 = 0 then 'DBR' else 'DWT' end,
				       case when i %% 5 = 0 then 'PERPETUAL' else 'ANNUAL' end,
				       date '%s' + (i %% 400), now()
				from generate_series(1, %d) i""".formatted(today, licenses));
		// the rows the service computes when it learns an end date (thresholds whose day has not passed) ...
		sql.execute("""
				insert into reminder (licence_id, end_date, threshold_days, due_on, status)
				select l.licence_id, l.end_date, t, l.end_date - t, 'DUE'
				from licence l, unnest(array[60, 30, 7, 1, 0]) t
				where l.end_date - t >= date '%s' - 2""".formatted(today));
		// ... and a year of history: the previous series, all processed
		sql.execute("""
				insert into reminder (licence_id, end_date, threshold_days, due_on, status, processed_at)
				select l.licence_id, l.end_date - 365, t, l.end_date - 365 - t, 'QUEUED', now()
				from licence l, unnest(array[60, 30, 7, 1, 0]) t""");
		sql.execute("vacuum analyze");
		System.out.printf(Locale.ROOT, "Seeded in %.0f s%n", (System.nanoTime() - start) / 1e9);
	}

	private static void printCounts(Statement sql, LocalDate today) throws Exception {
		try (ResultSet rs = sql.executeQuery("""
				select (select count(*) from licence), (select count(*) from order_contact), (select count(*) from reminder),
				       (select count(*) from reminder where status = 'DUE'),
				       pg_size_pretty(pg_total_relation_size('reminder')), pg_size_pretty(pg_relation_size('reminder_due'))""")) {
			rs.next();
			System.out.printf(Locale.ROOT,
					"licences %,d; order contacts %,d; reminder rows %,d (%,d due some day); reminder table %s, due index %s%n",
					rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6));
		}
	}

	private static long timeFind(Statement sql, LocalDate today) throws Exception {
		try (ResultSet rs = sql.executeQuery(
				"select count(*) from reminder where status = 'DUE' and due_on <= '" + today + "'")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static double bestFindMillis(Statement sql, LocalDate today) throws Exception {
		double best = Double.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			long start = System.nanoTime();
			int rows = 0;
			try (ResultSet rs = sql.executeQuery("select licence_id, end_date, threshold_days from reminder"
					+ " where status = 'DUE' and due_on <= '" + today + "' order by due_on")) {
				while (rs.next()) {
					rows++;
				}
			}
			best = Math.min(best, (System.nanoTime() - start) / 1e6);
		}
		return best;
	}

	private static double sendRound(ConfigurableApplicationContext context, Statement sql, GreenMail smtp, int mails,
			int workers, String label) throws Exception {
		sql.execute("""
				update outgoing_mail set next_attempt_at = now() - interval '1 second'
				where id in (select id from outgoing_mail where status = 'QUEUED' order by id limit %d)""".formatted(mails));
		int receivedBefore = smtp.getReceivedMessages().length;
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		long cpuBefore = os.getProcessCpuTime();
		long start = System.nanoTime();
		MailBench.drain(context, workers);
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuMillis = (os.getProcessCpuTime() - cpuBefore) / 1e6;
		int received = smtp.getReceivedMessages().length - receivedBefore;
		long failed;
		try (ResultSet rs = sql.executeQuery("select count(*) from outgoing_mail where status = 'QUEUED' and attempts > 0")) {
			rs.next();
			failed = rs.getLong(1);
		}
		System.out.printf(Locale.ROOT,
				"%s, %d SMTP connection(s): %,d mails received by the SMTP server in %.1f s = %.0f mails/s (%d left for retry);"
						+ " CPU of this JVM (service and SMTP server) %.2f ms per mail; load average %.1f%n",
				label, workers, received, seconds, received / seconds, failed, cpuMillis / Math.max(received, 1),
				os.getSystemLoadAverage());
		print(sql, "select status || ' ' || count(*) || coalesce(' ' || min(last_error), '') from outgoing_mail group by status");
		smtp.purgeEmailFromAllMailboxes();
		return received / seconds;
	}

	private static void print(Statement sql, String query) throws Exception {
		try (ResultSet rs = sql.executeQuery(query)) {
			while (rs.next()) {
				System.out.println("  " + rs.getString(1));
			}
		}
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}


}
