package org.customerportal.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on: its message is the customer-facing sentence of the problem
 * document, its status the documented code.
 */
public class PortalException extends RuntimeException {

	private final HttpStatus status;

	public PortalException(HttpStatus status, String detail) {
		super(detail);
		this.status = status;
	}

	public HttpStatus status() {
		return status;
	}

}
