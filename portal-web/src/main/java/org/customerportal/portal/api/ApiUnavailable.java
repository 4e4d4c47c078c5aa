package org.customerportal.portal.api;

/**
 * The API could not answer: the gateway or a service behind it is down, overloaded or too slow. The
 * person sees a page that says so and offers to try again.
 */
public class ApiUnavailable extends RuntimeException {

	public ApiUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
