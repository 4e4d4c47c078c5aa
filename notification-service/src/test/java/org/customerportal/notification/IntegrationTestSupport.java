package org.customerportal.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.customerportal.notification.TestEvents.Published;
import org.customerportal.platform.test.PortalIntegrationTest;
import org.customerportal.platform.test.TestTokens;
import org.customerportal.platform.time.OffsetClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One Spring context for every integration test: the service against the JVM's real PostgreSQL and
 * Kafka, a real SMTP server (GreenMail, restarted for each test on the same port), and a clock tests
 * move through the service's own test-clock endpoint.
 */
@PortalIntegrationTest(properties = { "portal.test-clock.enabled=true",
		"portal.notifications.mail.poll-interval=200ms", "portal.notifications.mail.first-retry=300ms",
		"portal.notifications.mail.max-retry=2s", "portal.notifications.reminders.scan-initial-delay=1h",
		"portal.notifications.reminders.scan-interval=1h", "portal.events.retry-backoff=100ms",
		"portal.notifications.base-url=https://portal.example.test", "spring.mail.host=127.0.0.1",
		"spring.lifecycle.timeout-per-shutdown-phase=2s" })
public abstract class IntegrationTestSupport {

	protected static final int SMTP_PORT = freePort();

	@RegisterExtension
	protected static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	protected static final JsonMapper JSON = new JsonMapper();

	protected static final TestTokens TOKENS = TestTokens.get();

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected OffsetClock clock;

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@Autowired
	private JdbcClient jdbc;

	/** How many of this service's consumers apply each event type (the others skip it). */
	private static final Map<String, Integer> CONSUMERS = Map.ofEntries(Map.entry("portal.member.joined.v1", 1),
			Map.entry("portal.user.removed.v1", 1), Map.entry("portal.invitation.created.v1", 1),
			Map.entry("portal.order.placed.v1", 2), Map.entry("portal.order.paid.v1", 2),
			Map.entry("portal.order.contact-added.v1", 1), Map.entry("portal.order.contact-removed.v1", 1),
			Map.entry("portal.license.issued.v1", 1), Map.entry("portal.license.renewed.v1", 1),
			Map.entry("portal.license.expired.v1", 1));

	/** Waits until the service has applied these events (each consumer records the ids it applied). */
	protected void awaitApplied(Published... published) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (Published event : published) {
				long applied = jdbc.sql("select count(*) from inbox_event where event_id = ?")
					.param(event.id())
					.query(Long.class)
					.single();
				assertThat(applied).as("consumers that applied %s", event.type())
					.isEqualTo(CONSUMERS.getOrDefault(event.type(), 1).longValue());
			}
		});
	}

	protected TestEvents events() {
		return new TestEvents(kafka);
	}

	@AfterEach
	void resetClock() {
		clock.setOffset(Duration.ZERO);
	}

	protected static String supportToken() {
		return "Bearer " + TOKENS.support("support-1", "support@vendor.example");
	}

	protected static String customerToken(String subject, String email) {
		return "Bearer " + TOKENS.customer(subject, email);
	}

	/** Moves the service's clock through its support-only test-clock endpoint. */
	protected void moveClock(Duration offset) throws Exception {
		mvc.perform(put("/api/notifications/test-clock")
			.header("Authorization", supportToken())
			.contentType("application/json")
			.content("{\"offset\":\"" + offset + "\"}")).andExpect(status().isOk());
	}

	/** Runs the reminder scan now through the support endpoint. */
	protected JsonNode scan() throws Exception {
		String body = mvc.perform(post("/api/notifications/reminders/scan").header("Authorization", supportToken()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JSON.readTree(body);
	}

	/** The mail log for one address, as support sees it. */
	protected JsonNode sentTo(String recipient) throws Exception {
		String body = mvc
			.perform(get("/api/notifications/sent").param("recipient", recipient)
				.header("Authorization", supportToken()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JSON.readTree(body).path("items");
	}

	/** Mail the SMTP server received for this address. */
	protected static List<MimeMessage> mailsTo(String address) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			try {
				Address[] recipients = message.getAllRecipients();
				if (recipients != null && Arrays.stream(recipients)
					.anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address))) {
					found.add(message);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return found;
	}

	protected static List<MimeMessage> awaitMails(String address, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() >= count);
		return mailsTo(address);
	}

	/** The text/plain or text/html part of a received mail. */
	protected static String part(MimeMessage message, String mimeType) {
		try {
			String found = findPart(message, mimeType);
			if (found == null) {
				throw new AssertionError("No " + mimeType + " part in " + message.getSubject());
			}
			return found;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String findPart(Part part, String mimeType) throws MessagingException, IOException {
		if (part.isMimeType(mimeType)) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = findPart(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	protected static String header(MimeMessage message, String name) {
		try {
			String value = message.getHeader(name, ", ");
			return value == null ? null : value.replaceAll("\\r?\\n\\s*", " ");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
