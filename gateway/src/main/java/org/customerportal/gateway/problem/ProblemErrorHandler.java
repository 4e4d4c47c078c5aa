package org.customerportal.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error the gateway itself answers becomes a problem document: a stopped service 503 with
 * {@code Retry-After}, a slow one 504, a request that is too large 413, an unknown path 404.
 * Runs before Spring Boot's default handler, which would answer in its own JSON shape.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	static final String UNAVAILABLE = "This part of the portal is temporarily unavailable. Please try again in a few seconds.";

	static final String TIMED_OUT = "The portal did not answer in time. Your request may or may not have been carried out: "
			+ "check before you send it again.";

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	private final Problems problems;

	private final String retryAfterSeconds;

	ProblemErrorHandler(Problems problems, @Value("${portal.gateway.unavailable-retry-after}") Duration retryAfter) {
		this.problems = problems;
		this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(error);
		}
		HttpStatusCode status = statusOf(error);
		if (status.value() == 503) {
			withTraceId(exchange, () -> log.warn("{} {} answered 503: {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), describe(error)));
			return problems.write(exchange, status, UNAVAILABLE, headers -> headers.set("Retry-After", retryAfterSeconds));
		}
		if (status.value() == 504) {
			withTraceId(exchange, () -> log.warn("{} {} timed out: {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), describe(error)));
			return problems.write(exchange, status, TIMED_OUT);
		}
		if (status.value() == 413) {
			// the rest of the body is not read: the connection cannot carry another request
			return problems.write(exchange, status, detailFor(status, error), headers -> headers.setConnection("close"));
		}
		if (status.is5xxServerError()) {
			withTraceId(exchange, () -> log.error("{} {} failed", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), error));
		}
		return problems.write(exchange, status, detailFor(status, error));
	}

	/** The request's trace id in the log line, as in the services' (thread locals are not restored here). */
	private static void withTraceId(ServerWebExchange exchange, Runnable logStatement) {
		String traceId = TraceIds.of(exchange);
		if (traceId == null) {
			logStatement.run();
			return;
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable("traceId", traceId)) {
			logStatement.run();
		}
	}

	private static HttpStatusCode statusOf(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof ConnectException || t instanceof UnknownHostException
					|| t instanceof CallNotPermittedException || t instanceof ServiceUnavailableException) {
				return HttpStatus.SERVICE_UNAVAILABLE;
			}
			if (t instanceof TimeoutException) {
				return HttpStatus.GATEWAY_TIMEOUT;
			}
			if (t instanceof PrematureCloseException) {
				return HttpStatus.BAD_GATEWAY;
			}
			if (t instanceof ResponseStatusException rse) {
				return rse.getStatusCode();
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String detailFor(HttpStatusCode status, Throwable error) {
		return switch (status.value()) {
			case 400 -> "The request is malformed.";
			case 404 -> "There is no such resource.";
			case 405 -> "This method is not allowed here.";
			case 413 -> error instanceof ResponseStatusException rse && rse.getReason() != null ? rse.getReason()
					: "The request is too large.";
			case 415 -> "This content type is not supported here.";
			case 502 -> "The portal answered incompletely. Please try again.";
			default -> status.is4xxClientError() ? "The request cannot be handled."
					: "Something went wrong on our side. If it happens again, contact support and quote the trace id.";
		};
	}

	private static String describe(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == error ? error.toString() : error + " (" + root + ")";
	}

}
