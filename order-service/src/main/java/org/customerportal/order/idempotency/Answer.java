package org.customerportal.order.idempotency;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a request as stored for its Idempotency-Key and replayed: an application service
 * returns it, and only the controller turns it into an HTTP response with {@link #toResponse()}.
 * @param status the HTTP status the first request was answered with
 * @param location the Location header, if any
 * @param replayed whether this is the stored answer to an earlier request with the key
 */
public record Answer<T>(int status, T body, URI location, boolean replayed) {

	/** 201 Created, with the created resource's address. */
	public static <T> Answer<T> created(URI location, T body) {
		return new Answer<>(201, body, location, false);
	}

	static <T> Answer<T> of(ResponseEntity<T> response) {
		return new Answer<>(response.getStatusCode().value(), response.getBody(), response.getHeaders().getLocation(),
				false);
	}

	public ResponseEntity<T> toResponse() {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
		if (replayed) {
			builder.header(Idempotency.REPLAYED_HEADER, "true");
		}
		if (location != null) {
			builder.header(HttpHeaders.LOCATION, location.toString());
		}
		return builder.body(body);
	}

}
