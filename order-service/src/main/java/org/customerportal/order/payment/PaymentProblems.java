package org.customerportal.order.payment;

import org.customerportal.platform.problem.ProblemWriter;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A delayed payment answers 503 with {@code Retry-After}, which the platform's handler of portal
 * exceptions does not set; this one runs before it.
 */
@RestControllerAdvice(assignableTypes = PaymentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentProblems {

	private final ProblemWriter problems;

	PaymentProblems(ProblemWriter problems) {
		this.problems = problems;
	}

	@ExceptionHandler(PaymentDelayedException.class)
	ResponseEntity<ProblemDetail> delayed(PaymentDelayedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
		problems.decorate(problem);
		long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(problem);
	}

}
