package org.customerportal.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * A field of the request is invalid for a reason bean validation cannot see (it depends on the
 * service's configuration or data): 400 with the field named in {@code errors}, like a validation
 * failure.
 */
public class InvalidFieldException extends PortalException {

	private final String field;

	private final String reason;

	/**
	 * @param reason what is wrong with the field, completing a sentence that starts with its name
	 */
	public InvalidFieldException(String field, String reason) {
		super(HttpStatus.BAD_REQUEST, "The request has invalid fields: " + field + " " + reason + ".");
		this.field = field;
		this.reason = reason;
	}

	public String field() {
		return field;
	}

	public String reason() {
		return reason;
	}

}
