package org.customerportal.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * The resource existed but is no longer usable, such as an expired invitation (410).
 */
public class GoneException extends PortalException {

	public GoneException(String detail) {
		super(HttpStatus.GONE, detail);
	}

}
