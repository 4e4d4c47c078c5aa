package org.customerportal.e2e.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * The suite's mail catcher (GreenMail) as a person reads their mailbox: its REST API hands out each
 * received message whole, which is parsed here like a mail client would (headers, multipart, encodings).
 */
public final class MailCatcher {

	private static final Session SESSION = Session.getInstance(new Properties());

	private MailCatcher() {
	}

	/** A received mail: its subject, its plain-text body and its headers. */
	public record Mail(String subject, String text, MimeMessage message) {

		public Optional<String> header(String name) {
			try {
				return Optional.ofNullable(message.getHeader(name, ","));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** The first link in the body whose address contains {@code part}. */
		public URI link(String part) {
			Matcher links = Pattern.compile("https?://[^\\s\"'<>]+").matcher(text);
			while (links.find()) {
				if (links.group().contains(part)) {
					return URI.create(links.group());
				}
			}
			throw new AssertionError("no link with " + part + " in the mail '" + subject + "':\n" + text);
		}

		@Override
		public String toString() {
			return "'" + subject + "'";
		}

	}

	/** The mails that reached that address so far (none while its mailbox does not exist yet). */
	public static List<Mail> inbox(String address) {
		Reply reply = Http.send("GET", URI.create(Endpoints.MAIL_CATCHER + "/api/user/" + address + "/messages/"),
				Map.of(), null);
		if (reply.status() == 400) {
			return List.of();
		}
		List<Mail> mails = new ArrayList<>();
		for (JsonNode message : reply.expect(200).json()) {
			mails.add(parse(message.path("mimeMessage").asString()));
		}
		return mails;
	}

	/** Waits for a mail to that address with a subject that contains the text, and returns it. */
	public static Mail awaitMail(String address, String subjectContains) {
		return awaitMail(address, mail -> mail.subject().contains(subjectContains), "a mail about '" + subjectContains + "'");
	}

	public static Mail awaitMail(String address, Predicate<Mail> wanted, String description) {
		return await(description + " to " + address).atMost(Endpoints.EVENTUAL)
			.pollInterval(java.time.Duration.ofMillis(500))
			.until(() -> inbox(address).stream().filter(wanted).findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	public static List<Mail> inbox(String address, String subjectContains) {
		return inbox(address).stream().filter(mail -> mail.subject().contains(subjectContains)).toList();
	}

	static Mail parse(String raw) {
		try {
			MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
			String subject = message.getSubject() == null ? "" : message.getSubject();
			return new Mail(subject, plainText(message).orElse(""), message);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("The mail catcher handed out a message that does not parse", ex);
		}
	}

	private static Optional<String> plainText(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return Optional.of(String.valueOf(part.getContent()));
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				Optional<String> text = plainText(body);
				if (text.isPresent()) {
					return text;
				}
			}
		}
		return Optional.empty();
	}

}
