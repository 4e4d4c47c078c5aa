package org.customerportal.account.removal;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakPropertiesTest {

	KeycloakProperties properties = new KeycloakProperties(URI.create("http://localhost:8180"), "portal",
			"account-service", "s3cr3t-value", Duration.ofSeconds(5), Duration.ofSeconds(5), 10, Duration.ofSeconds(10),
			Duration.ofMinutes(10));

	@Test
	void theWaitBetweenAttemptsDoublesUpToTheMaximum() {
		assertThat(properties.backOff().after(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.backOff().after(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(properties.backOff().after(3)).isEqualTo(Duration.ofSeconds(40));
		assertThat(properties.backOff().after(6)).isEqualTo(Duration.ofSeconds(320));
		assertThat(properties.backOff().after(7)).isEqualTo(Duration.ofMinutes(10));
		assertThat(properties.backOff().after(10_000)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void theSecretStaysOutOfLogs() {
		assertThat(properties.toString()).doesNotContain("s3cr3t-value");
	}

}
