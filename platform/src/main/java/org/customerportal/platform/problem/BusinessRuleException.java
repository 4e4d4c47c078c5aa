package org.customerportal.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * A business rule refuses the request (422).
 */
public class BusinessRuleException extends PortalException {

	public BusinessRuleException(String detail) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, detail);
	}

}
