package org.customerportal.gateway.edge;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request body over the gateway's limit: answered 413, and not held against the service's
 * circuit breaker.
 */
public class RequestTooLargeException extends ResponseStatusException {

	RequestTooLargeException(DataSize limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, "The request is too large: at most " + describe(limit) + " is accepted.");
	}

	private static String describe(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return size.toMegabytes() + " MB";
		}
		if (bytes % 1024 == 0) {
			return size.toKilobytes() + " KB";
		}
		return bytes + " bytes";
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
