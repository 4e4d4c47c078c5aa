package org.customerportal.e2e.support;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * One HTTP answer, with what was asked, so that a failed expectation says which call answered what.
 */
public record Reply(String method, URI uri, int status, HttpHeaders headers, String body, Duration took) {

	public JsonNode json() {
		return Http.JSON.readTree(body == null || body.isEmpty() ? "null" : body);
	}

	public String text(String field) {
		return json().path(field).asString();
	}

	public Optional<String> header(String name) {
		return headers.firstValue(name);
	}

	/** This reply, if it has that status; otherwise the test fails naming the call and the answer. */
	public Reply expect(int expected) {
		if (status != expected) {
			throw new AssertionError("expected " + expected + " but got: " + this);
		}
		return this;
	}

	@Override
	public String toString() {
		String shown = body == null ? "" : body.length() > 1500 ? body.substring(0, 1500) + "…" : body;
		return method + " " + uri + " -> " + status + " in " + took.toMillis() + " ms " + shown;
	}

}
