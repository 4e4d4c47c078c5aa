package org.customerportal.portal.license;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;

/**
 * The Idempotency-Key of a form that places an order: each page carries a fresh one, so that a form sent
 * twice (a double click, a reload) gets the first order back instead of a second one.
 */
final class Idempotency {

	static final String HEADER = "Idempotency-Key";

	static final String FIELD = "idempotencyKey";

	private Idempotency() {
	}

	/** A fresh key for the page's order forms. */
	static void offer(Model model) {
		model.addAttribute(FIELD, UUID.randomUUID().toString());
	}

	/** The form's key as the header; a form without one gets a key of its own. */
	static HttpHeaders headers(String key) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HEADER, key == null || key.isBlank() || key.length() > 255 ? UUID.randomUUID().toString() : key);
		return headers;
	}

}
