package org.customerportal.notification.mail;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.customerportal.notification.NotificationProperties;
import org.customerportal.notification.mail.MailComposer.ComposedMail;
import org.customerportal.platform.jobs.DueJob;
import org.customerportal.platform.jobs.DueJob.Claimed;
import org.customerportal.platform.jobs.DueJob.Finished;
import org.customerportal.platform.jobs.DueJobs;
import org.customerportal.platform.jobs.DueTable;
import org.customerportal.platform.jobs.Outcome;
import org.customerportal.platform.time.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends queued mail, as a durable job ({@code DueJobs}) on {@code outgoing_mail}: each batch is claimed
 * (so several instances share the queue without sending a mail twice), sent over one SMTP connection
 * outside the claim's transaction, and the outcome of every mail recorded in one transaction. A failure
 * leaves the mail queued with a later attempt time, doubling the wait each time up to {@code max-retry}:
 * an SMTP outage delays mail and loses none. Only a mail the server rejects outright is given up, after
 * {@code max-attempts}, and one whose templates fail at once. A mail cancelled while it is being sent
 * goes out and is recorded as sent.
 */
@Component
class MailWorker {

	private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

	private static final Session SESSION = Session.getInstance(new Properties());

	private final JdbcTemplate batches;

	private final JavaMailSender sender;

	private final MailComposer composer;

	private final JsonMapper json;

	private final NotificationProperties properties;

	private final Clock clock;

	private final Counter sentMails;

	private final Counter retriedMails;

	private final Counter givenUpMails;

	private final DueJob<QueuedMail> job;

	/**
	 * @param senders a thread per SMTP connection used at once: SMTP waits for a reply to every command,
	 * so parallel connections, not a faster loop, are what raise the rate
	 */
	MailWorker(JdbcTemplate batches, JavaMailSender sender, MailComposer composer, JsonMapper json,
			NotificationProperties properties, Clock clock, MeterRegistry meters,
			@Qualifier("mailSenders") AsyncTaskExecutor senders, DueJobs jobs) {
		this.batches = batches;
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
		this.job = jobs.<QueuedMail>define("mail", DueTable.of("outgoing_mail", "id", "status = 'QUEUED'"),
				properties.mail().job())
			.reading("kind, recipient, model::text as model",
					(rs, n) -> new QueuedMail(rs.getObject("job_key", UUID.class), MailKind.valueOf(rs.getString("kind")),
							rs.getString("recipient"), rs.getString("model")))
			.work(this::sendBatch)
			.onDone(this::sent)
			.onGivenUp(this::givenUp)
			.onRetry(this::retried)
			.workers(properties.mail().senders(), senders)
			.schedule();
	}

	private record QueuedMail(UUID id, MailKind kind, String recipient, String model) {
	}

	/** Sends everything due now over {@code senders} SMTP connections at once (benchmarks). */
	void drain(int senders) {
		job.runDue(senders);
	}

	private List<Outcome> sendBatch(List<Claimed<QueuedMail>> batch) {
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		Map<MimeMessage, Integer> index = new IdentityHashMap<>();
		List<MimeMessage> messages = new ArrayList<>(batch.size());
		for (Claimed<QueuedMail> claimed : batch) {
			QueuedMail mail = claimed.row();
			try {
				ComposedMail composed = composer.compose(mail.kind(), mail.recipient(), json.readTree(mail.model()));
				MimeMessage message = message(mail, composed);
				index.put(message, outcomes.size());
				messages.add(message);
				outcomes.add(Outcome.done(composed.subject()));
			}
			catch (RuntimeException | MessagingException | UnsupportedEncodingException ex) {
				log.error("Mail {} ({}) could not be composed; giving it up", mail.id(), mail.kind(), ex);
				outcomes.add(Outcome.giveUp(new NotComposable(ex)));
			}
		}
		send(messages).forEach((message, failure) -> {
			Integer position = index.get(message);
			if (position != null) {
				// rejected outright: given up after max-attempts; not reached: retried however often
				outcomes.set(position, rejectedByServer(failure) ? Outcome.failed(failure) : Outcome.unavailable(failure));
			}
		});
		return outcomes;
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

	private void sent(List<Finished<QueuedMail>> sent) {
		var now = Timestamps.of(clock.instant());
		batches.batchUpdate("""
				update outgoing_mail set status = 'SENT', attempts = ?, subject = ?, sent_at = ?, last_error = null,
				  model = case when kind = 'INVITATION' then model - 'acceptUrl' else model end
				where id = ?""",
				sent.stream().map(mail -> new Object[] { mail.attempts(), mail.result(), now, mail.row().id() }).toList());
		sentMails.increment(sent.size());
	}

	private void givenUp(List<Finished<QueuedMail>> givenUp) {
		givenUp.forEach(mail -> log.warn("Giving up mail {} to {} after {} attempts: {}", mail.row().id(),
				mail.row().recipient(), mail.attempts(), mail.error()));
		batches.batchUpdate("update outgoing_mail set status = 'FAILED' where id = ?",
				givenUp.stream().map(mail -> new Object[] { mail.row().id() }).toList());
		givenUpMails.increment(givenUp.size());
	}

	private void retried(List<Finished<QueuedMail>> retried) {
		log.warn("{} mails could not be sent and wait for another attempt: {}", retried.size(), retried.get(0).error());
		retriedMails.increment(retried.size());
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
