package org.customerportal.platform.membership;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.customerportal.platform.membership.AccountService.Me;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.security.CurrentUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Read-your-writes for memberships: a service whose read model (built from account events) does not
 * know the caller's membership yet asks its owner, account-service, once before refusing. It asks with
 * the caller's own access token, through a circuit breaker and a time limiter; an owner that does not
 * answer in time, fails or whose circuit is open gives no answer, and the caller is refused as before.
 * Ask only when the read model does not know the caller, and outside any transaction.
 */
public class MembershipLookup {

	static final String NAME = "account-service";

	private static final Logger log = LoggerFactory.getLogger(MembershipLookup.class);

	private final AccountService accountService;

	private final CircuitBreaker circuitBreaker;

	private final TimeLimiter timeLimiter;

	private final AsyncTaskExecutor calls;

	/**
	 * @param calls bounded (an owner that hangs holds at most its threads; further lookups give no
	 * answer), and passing the caller's trace on to account-service
	 */
	MembershipLookup(AccountService accountService, CircuitBreaker circuitBreaker, TimeLimiter timeLimiter,
			AsyncTaskExecutor calls) {
		this.accountService = accountService;
		this.circuitBreaker = circuitBreaker;
		this.timeLimiter = timeLimiter;
		this.calls = calls;
	}

	/**
	 * Half of the last 20 calls failing (after at least 10) opens the circuit. A 4xx answer is about the
	 * caller, not the owner's health: it counts neither way.
	 */
	static CircuitBreakerConfig circuitBreakerConfig(Duration openDuration) {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(20)
			.minimumNumberOfCalls(10)
			.failureRateThreshold(50)
			.waitDurationInOpenState(openDuration)
			.permittedNumberOfCallsInHalfOpenState(3)
			.ignoreExceptions(HttpClientErrorException.class)
			.build();
	}

	static TimeLimiterConfig timeLimiterConfig(Duration timeout) {
		return TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build();
	}

	/**
	 * The membership account-service confirms for the caller in this organisation; empty if it names
	 * another organisation or none, or gives no answer.
	 */
	public Optional<OwnerMembership> confirm(UUID organizationId, CurrentUser caller) {
		return CurrentUsers.accessToken().flatMap(token -> confirm(organizationId, caller, token));
	}

	Optional<OwnerMembership> confirm(UUID organizationId, CurrentUser caller, String accessToken) {
		return organizationOf(caller, accessToken)
			.filter(membership -> membership.organizationId().equals(organizationId));
	}

	/**
	 * The caller's organisation as account-service states it; empty if the caller belongs to none, the
	 * request carries no access token, or account-service gives no answer.
	 */
	public Optional<OwnerMembership> organizationOf(CurrentUser caller) {
		return CurrentUsers.accessToken().flatMap(token -> organizationOf(caller, token));
	}

	Optional<OwnerMembership> organizationOf(CurrentUser caller, String accessToken) {
		return ask(caller, accessToken).filter(me -> {
			// the token is the caller's, so this holds; if not, the answer is not about the caller
			boolean aboutCaller = caller.subject().equals(me.id());
			if (!aboutCaller) {
				log.warn("account-service answered for {} when asked about {}", me.id(), caller.subject());
			}
			return aboutCaller;
		})
			.filter(me -> me.organizationId() != null)
			.map(me -> new OwnerMembership(me.organizationId(), me.id(), me.email() != null ? me.email() : caller.email(),
					me.name() != null ? me.name() : caller.name()));
	}

	private Optional<Me> ask(CurrentUser caller, String accessToken) {
		try {
			return Optional.ofNullable(circuitBreaker.executeCallable(
					() -> timeLimiter.executeFutureSupplier(() -> calls.submit(() -> accountService.me(accessToken)))));
		}
		catch (CallNotPermittedException ex) {
			log.info("Membership of {} not confirmed: account-service's circuit is open", caller.subject());
		}
		catch (TimeoutException ex) {
			log.info("Membership of {} not confirmed: account-service did not answer within {}", caller.subject(),
					timeLimiter.getTimeLimiterConfig().getTimeoutDuration());
		}
		catch (Exception ex) {
			log.info("Membership of {} not confirmed: account-service gave no answer ({})", caller.subject(),
					ex.toString());
		}
		return Optional.empty();
	}

}
