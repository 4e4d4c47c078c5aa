package org.customerportal.platform.retry;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryBackOffTest {

	final RetryBackOff backOff = new RetryBackOff(Duration.ofSeconds(5), Duration.ofMinutes(10));

	@Test
	void theWaitDoublesAfterEachFailureUpToTheLongest() {
		assertThat(backOff.after(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(backOff.after(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(backOff.after(4)).isEqualTo(Duration.ofSeconds(40));
		assertThat(backOff.after(7)).isEqualTo(Duration.ofSeconds(320));
		assertThat(backOff.after(8)).isEqualTo(Duration.ofMinutes(10));
		assertThat(backOff.after(10_000)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void inMemoryRetriesWaitTheSameAndStopAfterTheirNumber() {
		BackOffExecution execution = new RetryBackOff(Duration.ofMillis(500), Duration.ofSeconds(4))
			.toExponentialBackOff(3)
			.start();
		assertThat(execution.nextBackOff()).isEqualTo(500);
		assertThat(execution.nextBackOff()).isEqualTo(1000);
		assertThat(execution.nextBackOff()).isEqualTo(2000);
		assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void aLongestWaitShorterThanTheFirstIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RetryBackOff(Duration.ofMinutes(1), Duration.ofSeconds(1)))
			.withMessageContaining("must not be shorter than the first");
	}

}
