package org.customerportal.e2e.security;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.customerportal.e2e.security.Caller.CONTACT;
import static org.customerportal.e2e.security.Caller.MEMBER;
import static org.customerportal.e2e.security.Caller.OTHER_COMPANY;
import static org.customerportal.e2e.security.Caller.SUPPORT;

/**
 * What each operation of the API answers each {@link Caller}, from the contract (API.md,
 * docs/api-additions.md): 401 without a token or with one not meant for the API; another company's
 * resources 404 (their existence does not leak); 403 where the caller may see the resource but not do
 * this (support on customers' actions, customers on support's). Columns, in this order: no token,
 * another company, member not a contact, contact (and primary contact), support, wrong audience.
 *
 * <p>Every operation of the OpenAPI documents must have a row: a new endpoint fails the matrix until it
 * gets one. Path parameters are company A's resources ({@link #PATH_DEFAULTS}) unless a row says
 * otherwise; a row with {@code fresh} gives each caller expected to succeed a resource of its own, so
 * that one caller's change does not decide the next one's answer.
 */
final class Expectations {

	/** Company A's resource for each path parameter name. */
	static final Map<String, Function<Fixtures, String>> PATH_DEFAULTS = Map.of("organizationId",
			f -> f.companyA.toString(), "orderId", f -> f.orderId, "quoteId", f -> f.quoteId, "invitationId",
			f -> f.invitationId, "paymentId", f -> f.paymentId, "userId", f -> f.carl.id(), "id", f -> f.licenseId,
			"deviceId", f -> Fixtures.DEVICE, "provider", f -> "simulated");

	private static final Map<String, Row> ROWS = new LinkedHashMap<>();

	static {
		// ---- account-service
		row("GET /api/me", "401 200 200 200 200 401");
		row("PATCH /api/me", "401 200 200 200 200 401").body((f, c) -> Map.of("name", c.isPerson() ? c.user(f).name() : "Nobody"));
		row("GET /api/users", "401 403 403 403 200 401").query("query", f -> "matrix");
		row("GET /api/organizations", "401 403 403 403 200 401").query("query", f -> "matrix");
		// support staff act for companies; they are no company's member
		row("POST /api/organizations", "401 409 409 409 403 401").body((f, c) -> Map.of("name", "Matrix " + c));
		row("GET /api/organizations/{organizationId}", "401 404 200 200 200 401");
		row("GET /api/organizations/{organizationId}/users", "401 404 200 200 200 401");
		row("DELETE /api/organizations/{organizationId}/users/{userId}", "401 404 204 204 403 401")
			.fresh((f, c) -> Map.of("userId", f.freshMember()));
		row("PUT /api/organizations/{organizationId}/primary-contact", "401 404 403 200 200 401")
			.body((f, c) -> Map.of("userId", f.alice.id()));
		row("POST /api/organizations/{organizationId}/invitations", "401 404 201 201 403 401")
			.body((f, c) -> Map.of("email", f.freshAddress()));
		row("GET /api/organizations/{organizationId}/invitations", "401 404 200 200 403 401");
		row("POST /api/organizations/{organizationId}/invitations/{invitationId}/resend", "401 404 201 201 403 401")
			.fresh((f, c) -> Map.of("invitationId", f.freshInvitation()));
		row("DELETE /api/organizations/{organizationId}/invitations/{invitationId}", "401 404 204 204 403 401")
			.fresh((f, c) -> Map.of("invitationId", f.freshInvitation()));
		// whoever has the token from the mail may look at it
		row("GET /api/invitations/{invitationId}", "401 200 200 200 200 401").query("token", f -> f.invitationToken);
		row("POST /api/invitations/{invitationId}/accept", "401 403 403 403 403 401")
			.body((f, c) -> Map.of("token", f.invitationToken));
		row("DELETE /api/users/{userId}", "401 403 403 403 204 401").fresh((f, c) -> Map.of("userId", f.freshPerson()));

		// ---- order-service
		row("GET /api/products", "401 200 200 200 200 401");
		// quotes are the members' own: support does not see them either
		row("POST /api/quotes", "401 404 201 201 404 401")
			.body((f, c) -> Map.of("organizationId", f.companyA, "lines", Fixtures.LINES));
		row("GET /api/quotes/{quoteId}", "401 404 200 200 404 401");
		row("POST /api/quotes/{quoteId}/order", "401 404 201 201 404 401")
			.body((f, c) -> Map.of("paymentMethod", "WIRE_TRANSFER"))
			.fresh((f, c) -> Map.of("quoteId", f.freshQuote()));
		// sales staff only (the matrix has no sales caller: everyone here is refused)
		row("POST /api/sales-quotes", "401 403 403 403 403 401").body((f, c) -> Map.of("organizationId", f.companyA,
				"lines", Fixtures.LINES, "validUntil", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString()));
		// a contact of the licence's order only; to anyone else the licence is not there
		row("POST /api/renewals", "401 404 404 201 404 401").body((f, c) -> Map.of("licenseIds", List.of(f.licenseId)));
		row("POST /api/quota-orders", "401 404 404 201 404 401")
			.body((f, c) -> Map.of("licenseId", f.licenseId, "additionalQuota", 1));
		// a paid upgrade for the contact's valid annual licence: it upgrades for free instead (422)
		row("POST /api/upgrade-orders", "401 404 404 422 404 401").body((f, c) -> Map.of("licenseId", f.licenseId));
		// the catalogue is read by everyone and changed by the vendor's staff (sales, and support)
		row("GET /api/products/{code}", "401 200 200 200 200 401").param("code", f -> "BARCODE-READER");
		row("POST /api/products", "401 403 403 403 201 401").body((f, c) -> Map.of("code",
				"MATRIX-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "name", "Matrix",
				"quotaUnit", "device", "licenseTypes", List.of("ANNUAL"), "currentVersion", 1));
		// without If-Match support is asked for the ETag and nothing changes
		row("PUT /api/products/{code}", "401 403 403 403 428 401").param("code", f -> "BARCODE-READER")
			.body((f, c) -> Map.of("name", "Barcode Reader SDK", "quotaUnit", "developer", "licenseTypes",
					List.of("ANNUAL", "PERPETUAL")));
		row("GET /api/products/{code}/releases", "401 200 200 200 200 401").param("code", f -> "BARCODE-READER");
		// support passes the access check; version 1 is not newer, so the demo catalogue stays
		row("POST /api/products/{code}/releases", "401 403 403 403 409 401").param("code", f -> "BARCODE-READER")
			.body((f, c) -> Map.of("majorVersion", 1));
		row("GET /api/price-lists", "401 403 403 403 200 401");
		row("GET /api/price-lists/{currency}", "401 403 403 403 200 401").param("currency", f -> "USD");
		row("PUT /api/price-lists/{currency}", "401 403 403 403 428 401").param("currency", f -> "USD")
			.body((f, c) -> Map.of("prices", List.of()));
		row("GET /api/catalogue-changes", "401 403 403 403 200 401");
		row("GET /api/billing-currencies/{organizationId}", "401 403 403 403 200 401");
		row("PUT /api/billing-currencies/{organizationId}", "401 403 403 403 200 401")
			.body((f, c) -> Map.of("currency", "USD"));
		row("GET /api/orders", "401 200 200 200 200 401");
		row("GET /api/orders/test-clock", "401 403 403 403 200 401");
		row("PUT /api/orders/test-clock", "401 403 403 403 200 401")
			.body((f, c) -> Map.of("offset", currentOffset("/api/orders/test-clock")));
		row("GET /api/orders/{orderId}", "401 404 404 200 200 401");
		row("POST /api/orders/{orderId}/cancel", "401 404 404 200 403 401")
			.fresh((f, c) -> Map.of("orderId", f.freshOrder()));
		row("GET /api/orders/{orderId}/contacts", "401 404 404 200 200 401");
		row("POST /api/orders/{orderId}/contacts", "401 404 404 201 403 401")
			.body((f, c) -> Map.of("email", f.bob.email()))
			.fresh((f, c) -> Map.of("orderId", f.freshOrder()));
		row("DELETE /api/orders/{orderId}/contacts/{userId}", "401 404 404 204 403 401")
			.param("userId", f -> f.alice.id())
			.fresh((f, c) -> Map.of("orderId", f.freshOrderWithBob(), "userId", f.bob.id()));
		row("GET /api/orders/{orderId}/payments", "401 404 404 200 200 401");
		row("POST /api/orders/{orderId}/payments", "401 404 404 201 403 401")
			.body((f, c) -> Map.of("method", "CREDIT_CARD"))
			.fresh((f, c) -> Map.of("orderId", f.freshOrder()));
		row("POST /api/orders/{orderId}/payments/{paymentId}/confirm", "401 403 403 403 200 401")
			.param("orderId", f -> f.wireOrderId)
			.param("paymentId", f -> f.wirePaymentId);
		row("POST /api/orders/{orderId}/payments/{paymentId}/refund", "401 403 403 403 200 401").fresh((f, c) -> {
			String[] paid = f.freshPaidOrder();
			return Map.of("orderId", paid[0], "paymentId", paid[1]);
		});
		row("GET /api/orders/test-clock", "401 403 403 403 200 401");
		row("PUT /api/orders/test-clock", "401 403 403 403 200 401")
			.body((f, c) -> Map.of("offset", currentOffset("/api/orders/test-clock")));
		// public: the provider signs it; an unsigned notification is refused for everyone alike
		row("POST /api/payments/webhooks/{provider}", "400 400 400 400 400 401").body((f, c) -> Map.of("id", "evt_matrix"));

		// ---- license-service
		row("GET /api/licenses", "401 200 200 200 200 401");
		row("GET /api/licenses/upcoming-renewals", "401 200 200 200 200 401");
		row("GET /api/licenses/{id}", "401 404 404 200 200 401");
		row("GET /api/licenses/{id}/certificate", "401 404 404 200 200 401");
		row("GET /api/licenses/public-key", "200 200 200 200 200 401");
		row("GET /api/licenses/{id}/activations", "401 404 404 200 200 401");
		row("POST /api/licenses/{id}/activations", "401 404 404 200 403 401")
			.body((f, c) -> Map.of("deviceId", Fixtures.DEVICE));
		row("DELETE /api/licenses/{id}/activations/{deviceId}", "401 404 404 204 403 401")
			.param("deviceId", f -> "matrix-device-never-activated");
		row("GET /api/licenses/{id}/upgrade-eligibility", "401 404 404 200 200 401");
		// the contact passes the access check and meets the business rule: no newer version to upgrade to
		row("POST /api/licenses/{id}/upgrade", "401 404 404 422 403 401")
			.body((f, c) -> Map.of("targetVersion", f.upgradeTarget));
		// support's own calls: customers are refused before the licence is looked up
		row("POST /api/licenses/{id}/revocation", "401 403 403 403 200 401")
			.body((f, c) -> Map.of("reason", "Matrix"))
			.fresh((f, c) -> Map.of("id", f.freshLicense()));
		row("DELETE /api/licenses/{id}/revocation", "401 403 403 403 200 401")
			.fresh((f, c) -> Map.of("id", f.freshRevokedLicense()));
		row("POST /api/licenses/validate", "200 200 200 200 200 401")
			.body((f, c) -> Map.of("key", f.licenseKey, "product", "BARCODE-READER"));
		// a member's own company gets its trial; A already has one of the product
		row("POST /api/trials", "401 201 409 409 422 401").body((f, c) -> Map.of("product", Fixtures.TRIAL_PRODUCT));
		row("POST /api/trials/{id}/extensions", "401 404 200 200 403 401").param("id", f -> f.trialId);
		row("GET /api/licenses/test-clock", "401 403 403 403 200 401");
		row("PUT /api/licenses/test-clock", "401 403 403 403 200 401")
			.body((f, c) -> Map.of("offset", currentOffset("/api/licenses/test-clock")));

		// ---- notification-service
		row("GET /api/notifications/preferences", "401 200 200 200 200 401");
		row("PUT /api/notifications/preferences", "401 200 200 200 200 401")
			.body((f, c) -> Map.of("renewalReminders", true, "newsletter", false));
		// public: the signed link of a mail (a page, kept out of the document); a forged one is refused alike
		row("GET /api/unsubscribe", "400 400 400 400 400 401").query("token", f -> "forged").undocumented();
		row("POST /api/unsubscribe", "400 400 400 400 400 401").query("token", f -> "forged").undocumented();
		row("GET /api/notifications/sent", "401 403 403 403 200 401");
		row("POST /api/notifications/reminders/scan", "401 403 403 403 200 401");
		row("GET /api/notifications/test-clock", "401 403 403 403 200 401");
		row("PUT /api/notifications/test-clock", "401 403 403 403 200 401")
			.body((f, c) -> Map.of("offset", currentOffset("/api/notifications/test-clock")));
	}

	private Expectations() {
	}

	/** One operation's row: its expected answers and how to call it. */
	static final class Row {

		final String key;

		final Map<Caller, Integer> expected = new EnumMap<>(Caller.class);

		final Map<String, Function<Fixtures, String>> params = new LinkedHashMap<>();

		final Map<String, Function<Fixtures, String>> query = new LinkedHashMap<>();

		BiFunction<Fixtures, Caller, Object> body = (f, c) -> null;

		BiFunction<Fixtures, Caller, Map<String, String>> fresh;

		/** A call of the contract that the OpenAPI documents leave out; checked all the same. */
		boolean undocumented;

		Row(String key, String statuses) {
			this.key = key;
			String[] columns = statuses.trim().split("\\s+");
			if (columns.length != Caller.values().length) {
				throw new IllegalArgumentException(key + ": one status per caller, got " + statuses);
			}
			for (Caller caller : Caller.values()) {
				expected.put(caller, Integer.parseInt(columns[caller.ordinal()]));
			}
		}

		Row body(BiFunction<Fixtures, Caller, Object> body) {
			this.body = body;
			return this;
		}

		Row param(String name, Function<Fixtures, String> value) {
			params.put(name, value);
			return this;
		}

		Row query(String name, Function<Fixtures, String> value) {
			query.put(name, value);
			return this;
		}

		Row undocumented() {
			this.undocumented = true;
			return this;
		}

		Row fresh(BiFunction<Fixtures, Caller, Map<String, String>> fresh) {
			this.fresh = fresh;
			return this;
		}

		boolean allows(Caller caller) {
			return expected.get(caller) / 100 == 2;
		}

		/** Path parameters for a caller: a resource of its own where the row says so and the call should succeed. */
		Map<String, String> pathValues(Fixtures fixtures, Caller caller) {
			Map<String, String> values = defaultPathValues(fixtures);
			if (fresh != null && allows(caller)) {
				values.putAll(fresh.apply(fixtures, caller));
			}
			return values;
		}

		/** Company A's resources, as the row names them. */
		Map<String, String> defaultPathValues(Fixtures fixtures) {
			Map<String, String> values = new LinkedHashMap<>();
			PATH_DEFAULTS.forEach((name, value) -> values.put(name, value.apply(fixtures)));
			params.forEach((name, value) -> values.put(name, value.apply(fixtures)));
			return values;
		}

		Map<String, String> queryValues(Fixtures fixtures) {
			Map<String, String> values = new LinkedHashMap<>();
			query.forEach((name, value) -> values.put(name, value.apply(fixtures)));
			return values;
		}

		/** The callers in the order the matrix runs them: refusals first, then the ones that may change state. */
		List<Caller> callingOrder() {
			return java.util.Arrays.stream(Caller.values()).sorted(java.util.Comparator.comparing(this::allows)).toList();
		}

		/** Who sends the malformed requests: a caller who may make this call. */
		Caller authorized() {
			for (Caller caller : List.of(CONTACT, MEMBER, SUPPORT, OTHER_COMPANY, Caller.NONE)) {
				if (allows(caller)) {
					return caller;
				}
			}
			return CONTACT;
		}

	}

	private static Row row(String key, String statuses) {
		Row row = new Row(key, statuses);
		ROWS.put(key, row);
		return row;
	}

	static Map<String, Row> rows() {
		return ROWS;
	}

	/** The clock's current offset, so that support's PUT in the matrix leaves it where it was. */
	private static String currentOffset(String path) {
		return org.customerportal.e2e.support.Keycloak.support().get(path).expect(200).text("offset");
	}

}
