package org.customerportal.order.payment;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.customerportal.order.Money;
import org.customerportal.order.PaymentMethod;
import org.customerportal.order.payment.GuardedPaymentProvider.ProviderUnavailableException;
import org.customerportal.platform.concurrent.CallExecutors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedPaymentProviderTest {

	private static final PaymentProvider.Start START = new PaymentProvider.Start(UUID.randomUUID(), UUID.randomUUID(),
			Money.of("10.00", "USD"), PaymentMethod.PAYPAL, URI.create("https://portal.example.test/orders/1"),
			Instant.now().plus(Duration.ofHours(1)));

	final ThreadPoolTaskExecutor executor = CallExecutors.bounded(GuardedPaymentProvider.NAME, 32);

	@BeforeEach
	void start() {
		executor.initialize();
	}

	@AfterEach
	void stop() {
		executor.shutdown();
	}

	@Test
	void aProviderThatKeepsFailingIsNoLongerCalledUntilItsCircuitWaitIsOver() {
		AtomicInteger calls = new AtomicInteger();
		GuardedPaymentProvider guarded = guard(start -> {
			calls.incrementAndGet();
			throw new IllegalStateException("Connection refused");
		}, Duration.ofSeconds(1));

		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> guarded.start(START)).isInstanceOf(ProviderUnavailableException.class);
		}
		assertThat(guarded.acceptsCalls()).isFalse();
		assertThatThrownBy(() -> guarded.start(START)).isInstanceOf(ProviderUnavailableException.class)
			.satisfies(ex -> assertThat(((ProviderUnavailableException) ex).retryAfter()).isEqualTo(Duration.ofSeconds(45)));
		assertThat(calls).hasValue(2);
	}

	@Test
	void aProviderThatDoesNotAnswerInTimeIsLeftBehindAndItsCallInterrupted() throws Exception {
		CountDownLatch interrupted = new CountDownLatch(1);
		GuardedPaymentProvider guarded = guard(start -> {
			try {
				new CountDownLatch(1).await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
			return new PaymentProvider.Redirect("late", URI.create("https://pay.example.test/late"));
		}, Duration.ofMillis(200));

		long started = System.nanoTime();
		assertThatThrownBy(() -> guarded.start(START)).isInstanceOf(ProviderUnavailableException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the provider call was interrupted").isTrue();
	}

	@Test
	void aDeclineIsAnAnswerNotAFailure() {
		PaymentProvider.Declined declined = new PaymentProvider.Declined("No.");
		GuardedPaymentProvider guarded = guard(start -> declined, Duration.ofSeconds(1));
		for (int i = 0; i < 5; i++) {
			assertThat(guarded.start(START)).isEqualTo(declined);
		}
		assertThat(guarded.acceptsCalls()).isTrue();
	}

	@Test
	void refundsAndClosingPagesGoThroughTheSameCircuit() {
		AtomicInteger calls = new AtomicInteger();
		GuardedPaymentProvider guarded = new GuardedPaymentProvider(new Starting(start -> {
			calls.incrementAndGet();
			throw new IllegalStateException("Connection refused");
		}), circuitBreakers(), TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(1)).build()), executor);
		PaymentProvider.Refund refund = new PaymentProvider.Refund(START.paymentId(), "pi_1", START.amount());

		assertThatThrownBy(() -> guarded.refund(refund)).isInstanceOf(ProviderUnavailableException.class);
		guarded.expire(START.paymentId(), "cs_1"); // best effort: no exception
		assertThat(calls).hasValue(2);
		assertThat(guarded.acceptsCalls()).isFalse();
	}

	private GuardedPaymentProvider guard(Function<PaymentProvider.Start, PaymentProvider.Result> provider,
			Duration timeout) {
		TimeLimiterRegistry timeLimiters = TimeLimiterRegistry
			.of(TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build());
		return new GuardedPaymentProvider(new Starting(provider), circuitBreakers(), timeLimiters, executor);
	}

	private static CircuitBreakerRegistry circuitBreakers() {
		return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowSize(2)
			.minimumNumberOfCalls(2)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(45))
			.build());
	}

	/** A provider whose every call does what {@code start} does (a refund or closing a page: fails if it fails). */
	private record Starting(Function<PaymentProvider.Start, PaymentProvider.Result> start) implements PaymentProvider {

		@Override
		public String name() {
			return "test";
		}

		@Override
		public Result start(Start start) {
			return this.start.apply(start);
		}

		@Override
		public RefundResult refund(Refund refund) {
			start.apply(START);
			return new Refunded("re_1");
		}

		@Override
		public void expire(String reference) {
			start.apply(START);
		}

		@Override
		public Notification verify(String payload, HttpHeaders headers) {
			throw new UnsupportedOperationException();
		}

	}

}
