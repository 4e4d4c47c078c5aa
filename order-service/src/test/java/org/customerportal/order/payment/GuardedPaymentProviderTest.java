package org.customerportal.order.payment;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;
import org.customerportal.order.payment.GuardedPaymentProvider.ProviderUnavailableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedPaymentProviderTest {

	private static final PaymentProvider.Charge CHARGE = new PaymentProvider.Charge(UUID.randomUUID(), UUID.randomUUID(),
			Money.of("10.00", "USD"), PaymentMethod.PAYPAL, null);

	@Test
	void aProviderThatKeepsFailingIsNoLongerCalledUntilItsCircuitWaitIsOver() {
		AtomicInteger calls = new AtomicInteger();
		GuardedPaymentProvider guarded = guard(charge -> {
			calls.incrementAndGet();
			throw new IllegalStateException("Connection refused");
		}, Duration.ofSeconds(1));

		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> guarded.charge(CHARGE)).isInstanceOf(ProviderUnavailableException.class);
		}
		assertThat(guarded.acceptsCalls()).isFalse();
		assertThatThrownBy(() -> guarded.charge(CHARGE)).isInstanceOf(ProviderUnavailableException.class)
			.satisfies(ex -> assertThat(((ProviderUnavailableException) ex).retryAfter()).isEqualTo(Duration.ofSeconds(45)));
		assertThat(calls).hasValue(2);
		guarded.destroy();
	}

	@Test
	void aProviderThatDoesNotAnswerInTimeIsLeftBehindAndItsCallInterrupted() throws Exception {
		CountDownLatch interrupted = new CountDownLatch(1);
		GuardedPaymentProvider guarded = guard(charge -> {
			try {
				new CountDownLatch(1).await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
			return new PaymentProvider.Settled("late");
		}, Duration.ofMillis(200));

		long started = System.nanoTime();
		assertThatThrownBy(() -> guarded.charge(CHARGE)).isInstanceOf(ProviderUnavailableException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the provider call was interrupted").isTrue();
		guarded.destroy();
	}

	@Test
	void aDeclineIsAnAnswerNotAFailure() {
		PaymentProvider.Declined declined = new PaymentProvider.Declined("No.");
		GuardedPaymentProvider guarded = guard(charge -> declined, Duration.ofSeconds(1));
		for (int i = 0; i < 5; i++) {
			assertThat(guarded.charge(CHARGE)).isEqualTo(declined);
		}
		assertThat(guarded.acceptsCalls()).isTrue();
		guarded.destroy();
	}

	private static GuardedPaymentProvider guard(PaymentProvider provider, Duration timeout) {
		CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowSize(2)
			.minimumNumberOfCalls(2)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(45))
			.build());
		TimeLimiterRegistry timeLimiters = TimeLimiterRegistry
			.of(TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build());
		return new GuardedPaymentProvider(provider, circuitBreakers, timeLimiters);
	}

}
