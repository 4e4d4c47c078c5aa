package org.customerportal.notification.mail;

import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.customerportal.notification.NotificationProperties;
import org.customerportal.notification.NotificationProperties.Mail;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailWorkerBackoffTest {

	@Test
	void theWaitDoublesAfterEachFailureUpToTheLimit() {
		NotificationProperties properties = new NotificationProperties(URI.create("https://portal.example.com"),
				"portal@example.com", "Customer Portal", null,
				new Mail(Duration.ofSeconds(1), 100, 4, Duration.ofSeconds(5), Duration.ofMinutes(10), 10), null, null);
		MailWorker worker = new MailWorker(null, null, null, null, null, null, properties, null,
				new SimpleMeterRegistry());
		assertThat(worker.backoff(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(worker.backoff(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(worker.backoff(4)).isEqualTo(Duration.ofSeconds(40));
		assertThat(worker.backoff(8)).isEqualTo(Duration.ofMinutes(10));
		assertThat(worker.backoff(1000)).isEqualTo(Duration.ofMinutes(10));
	}

}
