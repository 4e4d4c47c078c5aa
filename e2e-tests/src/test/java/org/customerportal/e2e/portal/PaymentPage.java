package org.customerportal.e2e.portal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.customerportal.e2e.browser.Portal;
import org.customerportal.e2e.support.Endpoints;

/** The payment page of an order ({@code /orders/{id}/payment}), where placing an order leads. */
final class PaymentPage {

	private static final Pattern ADDRESS = Pattern
		.compile(Pattern.quote(Endpoints.PORTAL.toString()) + "/orders/([0-9a-f-]{36})/payment");

	private PaymentPage() {
	}

	/** Waits until the browser is on an order's payment page; returns the order's id. */
	static String awaitOrderId(Portal browser) {
		browser.page().waitForURL(ADDRESS);
		Matcher payment = ADDRESS.matcher(browser.page().url());
		if (!payment.matches()) {
			throw new AssertionError("not a payment page: " + browser.page().url());
		}
		return payment.group(1);
	}

}
