package org.customerportal.e2e.support;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Steps several journeys share, each as a customer takes it through the gateway. Whatever another
 * service learns through events (membership, licences, contacts) is waited for, not assumed.
 */
public final class Steps {

	/** The simulated provider's test payment page: the form whose hidden outcome is the given one. */
	private static final String PAGE_FORM = "<form method=\"post\" action=\"([^\"]+)\"[^>]*>\\s*"
			+ "<input type=\"hidden\" name=\"outcome\" value=\"%s\">";

	private Steps() {
	}

	/** Repeats a call until it answers the expected status (another service has caught up); returns that answer. */
	public static Reply eventually(String what, int expected, Supplier<Reply> call) {
		return eventually(what, call, reply -> reply.status() == expected, "status " + expected);
	}

	/** Repeats a call until its answer passes the check; returns that answer. */
	public static Reply eventually(String what, Supplier<Reply> call, Predicate<Reply> check, String expectation) {
		AtomicReference<Reply> last = new AtomicReference<>();
		await(what).atMost(Endpoints.EVENTUAL).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Reply reply = call.get();
			last.set(reply);
			assertThat(check.test(reply)).as("expected %s, last answer: %s", expectation, reply).isTrue();
		});
		return last.get();
	}

	/** The person signs in to the portal for the first time (which registers them). */
	public static JsonNode signIn(User user) {
		return user.get("/api/me").expect(200).json();
	}

	public static UUID createOrganization(User owner, String name) {
		signIn(owner);
		JsonNode organization = owner.post("/api/organizations", Map.of("name", name + " " + Keycloak.RUN))
			.expect(201)
			.json();
		return UUID.fromString(organization.path("id").asString());
	}

	/**
	 * A member invites the person, who accepts with the link from the invitation e-mail; returns once
	 * the person is a member.
	 */
	public static void join(User invitee, UUID organizationId, User member) {
		member.post("/api/organizations/" + organizationId + "/invitations", Map.of("email", invitee.email()))
			.expect(201);
		MailCatcher.Mail invitation = MailCatcher.awaitMail(invitee.email(), "invited you to join");
		URI accept = invitation.link("/invitations/");
		String invitationId = accept.getPath().substring(accept.getPath().lastIndexOf('/') + 1);
		String token = query(accept, "token");
		signIn(invitee);
		JsonNode joined = invitee.post("/api/invitations/" + invitationId + "/accept", Map.of("token", token))
			.expect(200)
			.json();
		assertThat(joined.path("id").asString()).isEqualTo(organizationId.toString());
	}

	public static Map<String, Object> line(String product, String licenseType, int quota) {
		return Map.of("product", product, "licenseType", licenseType, "quota", quota);
	}

	/** A quote for the organisation, once order-service knows the buyer is a member. */
	public static JsonNode quote(User buyer, UUID organizationId, List<Map<String, Object>> lines) {
		return eventually("a quote for " + buyer, 201,
				() -> buyer.post("/api/quotes", Map.of("organizationId", organizationId, "lines", lines)))
			.json();
	}

	public static JsonNode order(User buyer, JsonNode quote, String paymentMethod) {
		return buyer.post("/api/quotes/" + quote.path("id").asString() + "/order", Map.of("paymentMethod", paymentMethod))
			.expect(201)
			.json();
	}

	/**
	 * Pays the order by card as a customer's browser does: the payment call answers the payment
	 * provider's page (the local run's simulated provider: a test page), the customer clicks "Pay" there
	 * and is sent back to the portal, and the order is paid once the provider's notification has
	 * arrived. Returns the payment.
	 */
	public static JsonNode payByCard(User payer, String orderId) {
		JsonNode started = payer.post("/api/orders/" + orderId + "/payments", Map.of("method", "CREDIT_CARD"))
			.expect(201)
			.json();
		assertThat(started.path("status").asString()).isEqualTo("PENDING");
		URI back = onPaymentPage(URI.create(started.path("redirectUrl").asString()), "succeeded");
		assertThat(back.getQuery()).contains("payment=succeeded");
		eventually("order " + orderId + " paid", () -> payer.get("/api/orders/" + orderId),
				reply -> reply.status() == 200 && "PAID".equals(reply.text("status")), "status PAID");
		JsonNode payments = payer.get("/api/orders/" + orderId + "/payments").expect(200).json().path("items");
		JsonNode payment = StreamSupport.stream(payments.spliterator(), false)
			.filter(p -> p.path("id").asString().equals(started.path("id").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("payment " + started.path("id").asString() + " not listed: " + payments));
		assertThat(payment.path("status").asString()).isEqualTo("SUCCEEDED");
		return payment;
	}

	/**
	 * What a browser does on the simulated provider's test page: opens it (no token: it is the
	 * provider's page), submits the form of the outcome ({@code succeeded}: "Pay", {@code declined}:
	 * "Decline"), and is sent back to the portal; returns that address.
	 */
	public static URI onPaymentPage(URI page, String outcome) {
		Reply html = Http.getPage(page).expect(200);
		assertThat(html.body()).contains(">Test payment</h1>", "Test payment page — no money moves");
		Matcher form = Pattern.compile(PAGE_FORM.formatted(outcome)).matcher(html.body());
		assertThat(form.find()).as("a form with outcome %s on %s", outcome, html).isTrue();
		Reply answer = Http.postForm(page.resolve(form.group(1)), Map.of("outcome", outcome)).expect(303);
		return URI.create(answer.header("Location").orElseThrow());
	}

	/** Quote, order and card payment of the lines; returns the paid order. */
	public static JsonNode buy(User buyer, UUID organizationId, List<Map<String, Object>> lines) {
		JsonNode order = order(buyer, quote(buyer, organizationId, lines), "CREDIT_CARD");
		String orderId = order.path("id").asString();
		payByCard(buyer, orderId);
		JsonNode paid = buyer.get("/api/orders/" + orderId).expect(200).json();
		assertThat(paid.path("status").asString()).isEqualTo("PAID");
		return paid;
	}

	/** The licences of an order in the person's "Full License" list, once they have all been issued. */
	public static List<JsonNode> awaitLicenses(User user, String orderId, int count) {
		Reply reply = eventually(count + " licence(s) of order " + orderId + " in the Full License list of " + user,
				() -> user.get("/api/licenses?size=100"),
				r -> r.status() == 200 && licensesOfOrder(r.json(), orderId).size() == count, count + " licences");
		return licensesOfOrder(reply.json(), orderId);
	}

	public static List<JsonNode> licensesOfOrder(JsonNode page, String orderId) {
		List<JsonNode> found = new ArrayList<>();
		StreamSupport.stream(page.path("items").spliterator(), false)
			.filter(license -> orderId.equals(license.path("orderId").asString()))
			.forEach(found::add);
		return found;
	}

	public static JsonNode find(List<JsonNode> licenses, String product) {
		return licenses.stream()
			.filter(l -> product.equals(l.path("product").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no licence of " + product + " in " + licenses));
	}

	static String query(URI uri, String name) {
		for (String pair : uri.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.substring(0, eq).equals(name)) {
				return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("no " + name + " in " + uri);
	}

}
