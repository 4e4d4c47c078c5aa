package org.customerportal.portal.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An answer of the API that refuses what was asked (a 4xx problem document): its sentence for the
 * person, and for invalid input the fields it names.
 */
public class ApiProblem extends RuntimeException {

	private final int status;

	private final String detail;

	private final List<FieldProblem> errors;

	public ApiProblem(int status, String detail, List<FieldProblem> errors) {
		super(status + " " + detail);
		this.status = status;
		this.detail = detail;
		this.errors = errors == null ? List.of() : List.copyOf(errors);
	}

	public int status() {
		return status;
	}

	/** The API's sentence, shown to the person word for word. */
	public String detail() {
		return detail;
	}

	public List<FieldProblem> errors() {
		return errors;
	}

	/** The message per field the API named, first one per field. */
	public Map<String, String> fieldMessages() {
		return errors.stream()
			.filter(error -> error.field() != null)
			.collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (first, second) -> first,
					java.util.LinkedHashMap::new));
	}

	public boolean isNotFound() {
		return status == 404;
	}

	public record FieldProblem(String field, String message) {
	}

}
