package org.customerportal.notification.mail;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.customerportal.notification.NotificationProperties;
import org.customerportal.notification.mail.MailComposer.ComposedMail;
import org.customerportal.platform.time.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mail. Each batch is claimed with {@code FOR UPDATE SKIP LOCKED} (so several instances
 * share the queue without sending a mail twice), sent over one SMTP connection, and marked sent in the
 * same transaction. A failure leaves the mail queued with a later attempt time, doubling the wait each
 * time up to {@code max-retry}: an SMTP outage delays mail and loses none. Only a mail the server
 * rejects outright is given up, after {@code max-attempts}.
 */
@Component
class MailWorker {

	private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

	private static final Session SESSION = Session.getInstance(new Properties());

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final TransactionTemplate transactions;

	private final JavaMailSender sender;

	private final MailComposer composer;

	private final JsonMapper json;

	private final NotificationProperties properties;

	private final Clock clock;

	private final AsyncTaskExecutor pool;

	private final Counter sentMails;

	private final Counter retriedMails;

	private final Counter givenUpMails;

	MailWorker(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions, JavaMailSender sender, MailComposer composer,
			JsonMapper json, NotificationProperties properties, Clock clock, MeterRegistry meters,
			@Qualifier("mailSenders") AsyncTaskExecutor pool) {
		this.pool = pool;
		this.jdbc = jdbc;
		this.batches = batches;
		this.transactions = transactions;
		this.sender = sender;
		this.composer = composer;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
		this.sentMails = Counter.builder("portal.mail.sent").description("Mails the SMTP server accepted").register(meters);
		this.retriedMails = Counter.builder("portal.mail.retried")
			.description("Failed attempts that will be tried again")
			.register(meters);
		this.givenUpMails = Counter.builder("portal.mail.given.up")
			.description("Mails given up (rejected by the server too often, or not composable)")
			.register(meters);
	}

	private record QueuedMail(UUID id, MailKind kind, String recipient, String model, int attempts) {
	}

	private record Outcome(QueuedMail mail, String subject, Exception failure) {
	}

	/**
	 * Sends until the queue holds nothing due or the server fails, over {@code senders} SMTP
	 * connections at once: SMTP waits for a reply to every command, so parallel connections, not a
	 * faster loop, are what raise the rate.
	 */
	@Scheduled(fixedDelayString = "${portal.notifications.mail.poll-interval:1s}",
			initialDelayString = "${portal.notifications.mail.poll-interval:1s}")
	void sendDue() {
		drain(properties.mail().senders());
	}

	void drain(int senders) {
		if (senders <= 1) {
			drainOne();
			return;
		}
		List<CompletableFuture<Void>> running = new ArrayList<>(senders);
		for (int i = 0; i < senders; i++) {
			running.add(CompletableFuture.runAsync(this::drainOne, pool));
		}
		CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
	}

	private void drainOne() {
		int batchSize = properties.mail().batchSize();
		BatchResult result;
		do {
			result = transactions.execute(status -> sendBatch(batchSize));
		}
		while (result != null && result.claimed() == batchSize && result.failed() == 0);
	}

	record BatchResult(int claimed, int failed) {
	}

	BatchResult sendBatch(int batchSize) {
		Instant now = clock.instant();
		List<QueuedMail> batch = jdbc.sql("""
				select id, kind, recipient, model::text, attempts from outgoing_mail
				where status = 'QUEUED' and next_attempt_at <= ?
				order by next_attempt_at
				limit ?
				for update skip locked""")
			.params(Timestamps.of(now), batchSize)
			.query((rs, row) -> new QueuedMail(rs.getObject(1, UUID.class), MailKind.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4), rs.getInt(5)))
			.list();
		if (batch.isEmpty()) {
			return new BatchResult(0, 0);
		}
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		Map<MimeMessage, Integer> index = new IdentityHashMap<>();
		List<MimeMessage> messages = new ArrayList<>(batch.size());
		for (QueuedMail mail : batch) {
			try {
				ComposedMail composed = composer.compose(mail.kind(), mail.recipient(), json.readTree(mail.model()));
				MimeMessage message = message(mail, composed);
				index.put(message, outcomes.size());
				messages.add(message);
				outcomes.add(new Outcome(mail, composed.subject(), null));
			}
			catch (RuntimeException | MessagingException | UnsupportedEncodingException ex) {
				log.error("Mail {} ({}) could not be composed; giving it up", mail.id(), mail.kind(), ex);
				outcomes.add(new Outcome(mail, null, new NotComposable(ex)));
			}
		}
		Map<Object, Exception> failures = send(messages);
		failures.forEach((message, failure) -> {
			Integer position = index.get(message);
			if (position != null) {
				Outcome outcome = outcomes.get(position);
				outcomes.set(position, new Outcome(outcome.mail(), outcome.subject(), failure));
			}
		});
		return record(outcomes, now);
	}

	private Map<Object, Exception> send(List<MimeMessage> messages) {
		if (messages.isEmpty()) {
			return Map.of();
		}
		try {
			sender.send(messages.toArray(MimeMessage[]::new));
			return Map.of();
		}
		catch (MailSendException ex) {
			if (!ex.getFailedMessages().isEmpty()) {
				return ex.getFailedMessages();
			}
			return allFailed(messages, ex);
		}
		catch (MailException ex) {
			return allFailed(messages, ex);
		}
	}

	private static Map<Object, Exception> allFailed(List<MimeMessage> messages, Exception failure) {
		Map<Object, Exception> failed = new IdentityHashMap<>();
		messages.forEach(message -> failed.put(message, failure));
		return failed;
	}

	private BatchResult record(List<Outcome> outcomes, Instant now) {
		List<Object[]> sent = new ArrayList<>();
		List<Object[]> retried = new ArrayList<>();
		List<Object[]> givenUp = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			QueuedMail mail = outcome.mail();
			int attempts = mail.attempts() + 1;
			if (outcome.failure() == null) {
				sent.add(new Object[] { attempts, outcome.subject(), Timestamps.of(now), mail.id() });
				continue;
			}
			String error = describe(outcome.failure());
			boolean composeFailure = outcome.failure() instanceof NotComposable;
			boolean rejected = rejectedByServer(outcome.failure());
			if (composeFailure || (rejected && attempts >= properties.mail().maxAttempts())) {
				log.warn("Giving up mail {} to {} after {} attempts: {}", mail.id(), mail.recipient(), attempts, error);
				givenUp.add(new Object[] { attempts, error, mail.id() });
			}
			else {
				retried.add(new Object[] { attempts, error, Timestamps.of(now.plus(properties.mail().backOff().after(attempts))), mail.id() });
			}
		}
		if (!retried.isEmpty()) {
			log.warn("{} mails could not be sent and wait for another attempt: {}", retried.size(), retried.get(0)[1]);
		}
		batchUpdate("""
				update outgoing_mail set status = 'SENT', attempts = ?, subject = ?, sent_at = ?, last_error = null,
				  model = case when kind = 'INVITATION' then model - 'acceptUrl' else model end
				where id = ?""", sent);
		batchUpdate("update outgoing_mail set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?", retried);
		batchUpdate("update outgoing_mail set status = 'FAILED', attempts = ?, last_error = ? where id = ?", givenUp);
		sentMails.increment(sent.size());
		retriedMails.increment(retried.size());
		givenUpMails.increment(givenUp.size());
		return new BatchResult(outcomes.size(), retried.size() + givenUp.size());
	}

	private void batchUpdate(String sql, List<Object[]> rows) {
		if (!rows.isEmpty()) {
			batches.batchUpdate(sql, rows);
		}
	}

	private MimeMessage message(QueuedMail mail, ComposedMail composed)
			throws MessagingException, UnsupportedEncodingException {
		MimeMessage message = new StableIdMimeMessage(SESSION, "<" + mail.id() + "@customer-portal>");
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
				"UTF-8");
		helper.setFrom(properties.from(), properties.fromName());
		helper.setTo(mail.recipient());
		helper.setSubject(composed.subject());
		helper.setText(composed.text(), composed.html());
		helper.setSentDate(java.util.Date.from(clock.instant()));
		for (Map.Entry<String, String> header : composed.headers().entrySet()) {
			message.setHeader(header.getKey(), header.getValue());
		}
		return message;
	}

	private static boolean rejectedByServer(Exception failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SendFailedException) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Exception failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getClass().getSimpleName() + ": " + root.getMessage();
		return message.length() > 500 ? message.substring(0, 500) : message;
	}

	/** A mail whose templates failed: a bug, not worth retrying. */
	private static final class NotComposable extends Exception {

		NotComposable(Exception cause) {
			super("could not be composed: " + cause.getMessage(), cause);
		}

	}

	/** Keeps the same Message-ID on every attempt, so a receiver can recognise a repeat. */
	private static final class StableIdMimeMessage extends MimeMessage {

		private final String messageId;

		StableIdMimeMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}

	}

}
