package org.customerportal.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * The request conflicts with the current state (409).
 */
public class ConflictException extends PortalException {

	public ConflictException(String detail) {
		super(HttpStatus.CONFLICT, detail);
	}

}
