package org.customerportal.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * The resource does not exist or is not visible to the caller (404).
 */
public class NotFoundException extends PortalException {

	public NotFoundException(String detail) {
		super(HttpStatus.NOT_FOUND, detail);
	}

}
