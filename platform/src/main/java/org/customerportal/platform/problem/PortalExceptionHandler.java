package org.customerportal.platform.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 problem document: validation and malformed input 400 with
 * the fields, business rules with their sentence, optimistic-lock clashes 409, and anything
 * unexpected a 500 that reveals nothing but the trace id.
 */
@RestControllerAdvice
@Order(0)
public class PortalExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(PortalExceptionHandler.class);

	private final ProblemWriter problems;

	public PortalExceptionHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@ExceptionHandler(PortalException.class)
	ResponseEntity<Object> portal(PortalException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		HttpHeaders headers = new HttpHeaders();
		if (ex instanceof ServiceUnavailableException unavailable) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(unavailable.retryAfterSeconds()));
		}
		if (ex instanceof InvalidFieldException invalid) {
			problem.setProperty("errors", List.of(fieldError(invalid.field(), invalid.reason())));
		}
		return handleExceptionInternal(ex, problem, headers, ex.status(), request);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> optimisticLock(OptimisticLockingFailureException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone else changed this at the same time. Reload it and try again.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	/** A unique constraint caught a concurrent or repeated request that the service did not name itself. */
	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<Object> duplicate(DuplicateKeyException ex, WebRequest request) {
		log.info("Duplicate key on {}: {}", request.getDescription(false), ex.getMostSpecificCause().getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"This already exists or was just changed by another request. Reload and try again.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The value of '" + ex.getName() + "' is not valid.");
		problem.setProperty("errors", List.of(fieldError(ex.getName(), "has an invalid format")));
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A safety net behind {@link NulCharacters}: text PostgreSQL cannot store (SQLState 22021 invalid
	 * byte sequence, 22P05 untranslatable character) is bad input, not a failure of ours.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> dataIntegrity(DataIntegrityViolationException ex, WebRequest request) {
		String sqlState = sqlStateOf(ex);
		if (!"22021".equals(sqlState) && !"22P05".equals(sqlState)) {
			return unexpected(ex, request);
		}
		log.info("Unstorable text on {}: {}", request.getDescription(false), ex.getMostSpecificCause().getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request contains characters that cannot be stored, such as the NUL character. Remove them and try again.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	private static @Nullable String sqlStateOf(Throwable error) {
		for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void security(RuntimeException ex) {
		// Handled by the security filter chain's entry point and access-denied handler.
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error on {}", request.getDescription(false), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Try again later; if it keeps happening, contact support with the trace id.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(fieldError(error.getField(), error.getDefaultMessage()));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors.add(fieldError(error.getObjectName(), error.getDefaultMessage())));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields: " + describe(errors) + ".");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach(error -> errors.add(fieldError(error instanceof FieldError fe ? fe.getField() : name,
						error.getDefaultMessage())));
		});
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields: " + describe(errors) + ".");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = fieldOf(ex.getCause());
		if (field != null && ex.getCause() instanceof NulCharacters.Refused) {
			return portal(new InvalidFieldException(field, NulCharacters.REASON), request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				field == null ? "The request body is not valid JSON for this call."
						: "The value of '" + field + "' is not valid.");
		problem.setProperty("errors",
				List.of(fieldError(field == null ? "body" : field, "is malformed or of the wrong type")));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null) {
			body = ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage() == null ? "" : ex.getMessage());
		}
		if (body instanceof ProblemDetail problem) {
			if (problem.getTitle() == null || problem.getTitle().isEmpty()) {
				HttpStatus known = HttpStatus.resolve(statusCode.value());
				problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
			}
			problems.decorate(problem);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static String fieldOf(Throwable cause) {
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			StringBuilder path = new StringBuilder();
			for (JacksonException.Reference reference : databind.getPath()) {
				if (reference.getPropertyName() != null) {
					path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
				}
				else if (reference.getIndex() >= 0) {
					path.append('[').append(reference.getIndex()).append(']');
				}
			}
			return path.isEmpty() ? null : path.toString();
		}
		return null;
	}

	private static Map<String, String> fieldError(String field, String message) {
		return Map.of("field", field, "message", message == null ? "is invalid" : message);
	}

	private static String describe(List<Map<String, String>> errors) {
		return String.join(", ", errors.stream().map(e -> e.get("field") + " " + e.get("message")).toList());
	}

}
