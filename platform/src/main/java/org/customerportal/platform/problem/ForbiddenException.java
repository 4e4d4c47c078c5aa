package org.customerportal.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * The caller may see the resource but not do this (403).
 */
public class ForbiddenException extends PortalException {

	public ForbiddenException(String detail) {
		super(HttpStatus.FORBIDDEN, detail);
	}

}
