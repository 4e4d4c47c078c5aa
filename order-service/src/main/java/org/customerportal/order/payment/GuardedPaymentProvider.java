package org.customerportal.order.payment;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Calls the payment provider outside any transaction, through a circuit breaker and a time limiter:
 * a provider that does not answer in time, fails, or whose circuit is open gives
 * {@link ProviderUnavailableException} instead of holding the request (and a database connection)
 * hostage.
 */
@Component
class GuardedPaymentProvider {

	static final String NAME = "payment-provider";

	private static final Logger log = LoggerFactory.getLogger(GuardedPaymentProvider.class);

	private final PaymentProvider provider;

	private final CircuitBreaker circuitBreaker;

	private final TimeLimiter timeLimiter;

	private final ThreadPoolTaskExecutor calls;

	GuardedPaymentProvider(PaymentProvider provider, CircuitBreakerRegistry circuitBreakers,
			TimeLimiterRegistry timeLimiters, @Qualifier("paymentProviderCalls") ThreadPoolTaskExecutor calls) {
		this.provider = provider;
		this.circuitBreaker = circuitBreakers.circuitBreaker(NAME);
		this.timeLimiter = timeLimiters.timeLimiter(NAME);
		this.calls = calls;
	}

	/**
	 * Asks the provider to start a payment, or what became of an earlier start with the same payment id.
	 * @throws ProviderUnavailableException if the provider gave no answer
	 */
	PaymentProvider.Result start(PaymentProvider.Start start) {
		return call(start.paymentId(), "Payment", () -> provider.start(start));
	}

	/**
	 * Asks the provider to refund a settled payment (again: it refunds once per payment).
	 * @throws ProviderUnavailableException if the provider gave no answer
	 */
	PaymentProvider.RefundResult refund(PaymentProvider.Refund refund) {
		return call(refund.paymentId(), "Refund of payment", () -> provider.refund(refund));
	}

	/** Closes a replaced payment's hosted page; a provider that does not answer leaves it to expire. */
	void expire(UUID paymentId, String reference) {
		try {
			call(paymentId, "Closing the page of payment", () -> {
				provider.expire(reference);
				return null;
			});
		}
		catch (ProviderUnavailableException ex) {
			log.info("The page of replaced payment {} stays open until it expires", paymentId);
		}
	}

	private <T> T call(UUID paymentId, String what, Callable<T> call) {
		try {
			return circuitBreaker.executeCallable(() -> timeLimiter.executeFutureSupplier(() -> calls.submit(call)));
		}
		catch (CallNotPermittedException ex) {
			log.warn("{} {} not sent: the payment provider's circuit is open", what, paymentId);
			throw new ProviderUnavailableException(retryAfter());
		}
		catch (RejectedExecutionException ex) {
			log.warn("{} {} not sent: {} calls to the payment provider are already waiting", what, paymentId,
					calls.getMaxPoolSize());
			throw new ProviderUnavailableException(retryAfter());
		}
		catch (TimeoutException ex) {
			log.warn("{} {}: the payment provider did not answer within {}", what, paymentId,
					timeLimiter.getTimeLimiterConfig().getTimeoutDuration());
			throw new ProviderUnavailableException(retryAfter());
		}
		catch (Exception ex) {
			log.warn("{} {}: the payment provider failed", what, paymentId, ex);
			throw new ProviderUnavailableException(retryAfter());
		}
	}

	/**
	 * False while the circuit is open: a payment is then not even recorded. (Asking for a permission
	 * also lets an open circuit turn half-open once its wait is over.)
	 */
	boolean acceptsCalls() {
		if (circuitBreaker.tryAcquirePermission()) {
			circuitBreaker.releasePermission();
			return true;
		}
		return false;
	}

	/** How long a caller waits before trying again: as long as an open circuit stays open. */
	Duration retryAfter() {
		return Duration.ofMillis(circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
	}

	/** The provider gave no answer: it did not answer in time, failed, or was not called (open circuit). */
	static final class ProviderUnavailableException extends RuntimeException {

		private final Duration retryAfter;

		ProviderUnavailableException(Duration retryAfter) {
			super("The payment provider gave no answer");
			this.retryAfter = retryAfter;
		}

		Duration retryAfter() {
			return retryAfter;
		}

	}

}
