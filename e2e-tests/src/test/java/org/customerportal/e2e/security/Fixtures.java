package org.customerportal.e2e.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.MailCatcher;
import org.customerportal.e2e.support.Reply;
import org.customerportal.e2e.support.User;

import tools.jackson.databind.JsonNode;

import static org.customerportal.e2e.support.Steps.awaitLicenses;
import static org.customerportal.e2e.support.Steps.buy;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.eventually;
import static org.customerportal.e2e.support.Steps.join;
import static org.customerportal.e2e.support.Steps.line;
import static org.customerportal.e2e.support.Steps.order;
import static org.customerportal.e2e.support.Steps.quote;
import static org.customerportal.e2e.support.Steps.signIn;

/**
 * Company A with everything the API has (members, a quote, a paid order with its licence, a wire
 * transfer awaiting confirmation, a trial, a pending invitation, an activated device) and company B
 * next to it; created once per test JVM, shared by the matrix and the malformed-input run. The
 * {@code fresh…} methods make a new resource for a caller whose call will change or remove it.
 */
final class Fixtures {

	static final List<Map<String, Object>> LINES = List.of(line("BARCODE-READER", "ANNUAL", 3));

	static final String TRIAL_PRODUCT = "DOCUMENT-SCANNER";

	static final String DEVICE = "matrix-device-1";

	private static Fixtures instance;

	final User alice = Keycloak.customer("mia", "Mia", "Matrix");

	final User bob = Keycloak.customer("mel", "Mel", "Member");

	final User carl = Keycloak.customer("max", "Max", "Member");

	final User olga = Keycloak.customer("oli", "Oli", "Other");

	final UUID companyA;

	final UUID companyB;

	final String quoteId;

	final String orderId;

	final String paymentId;

	final String licenseId;

	final String licenseKey;

	final int upgradeTarget;

	final String wireOrderId;

	final String wirePaymentId;

	final String trialId;

	final String invitationId;

	final String invitationToken;

	private final AtomicInteger counter = new AtomicInteger();

	private Fixtures() {
		companyA = createOrganization(alice, "Matrix A");
		join(bob, companyA, alice);
		join(carl, companyA, alice);
		companyB = createOrganization(olga, "Matrix B");

		quoteId = quote(alice, companyA, LINES).path("id").asString();
		String[] paid = freshPaidOrder();
		orderId = paid[0];
		paymentId = paid[1];
		JsonNode license = awaitLicenses(alice, orderId, 1).get(0);
		licenseId = license.path("id").asString();
		licenseKey = license.path("key").asString();
		JsonNode eligibility = alice.get("/api/licenses/" + licenseId + "/upgrade-eligibility").expect(200).json();
		upgradeTarget = eligibility.path("latestVersion").asInt(license.path("productVersion").asInt() + 1);
		alice.post("/api/licenses/" + licenseId + "/activations", Map.of("deviceId", DEVICE)).expect(201);

		wireOrderId = freshOrder();
		wirePaymentId = alice.post("/api/orders/" + wireOrderId + "/payments", Map.of("method", "WIRE_TRANSFER"))
			.expect(201)
			.text("id");

		trialId = eventually("a trial for " + alice, 201,
				() -> alice.post("/api/trials", Map.of("product", TRIAL_PRODUCT)))
			.text("id");

		String invitee = "nia-" + Keycloak.RUN + "@example.com";
		alice.post("/api/organizations/" + companyA + "/invitations", Map.of("email", invitee)).expect(201);
		URI link = MailCatcher.awaitMail(invitee, "invited you to join").link("/invitations/");
		invitationId = link.getPath().substring(link.getPath().lastIndexOf('/') + 1);
		invitationToken = link.getQuery().replaceFirst(".*token=([^&]*).*", "$1");
	}

	static synchronized Fixtures get() {
		if (instance == null) {
			instance = new Fixtures();
		}
		return instance;
	}

	/** A new address nobody uses, for an invitation. */
	String freshAddress() {
		return "matrix" + counter.incrementAndGet() + "-" + Keycloak.RUN + "@example.com";
	}

	/** A new member of company A; returns their id. */
	String freshMember() {
		User member = Keycloak.customer("mo", "Mo", "Member");
		join(member, companyA, alice);
		return member.id();
	}

	/** A new person known to the portal, in no company; returns their id. */
	String freshPerson() {
		User person = Keycloak.customer("pat", "Pat", "Person");
		signIn(person);
		return person.id();
	}

	String freshQuote() {
		return quote(alice, companyA, LINES).path("id").asString();
	}

	/** A new unpaid order of company A, Alice its only contact. */
	String freshOrder() {
		return order(alice, quote(alice, companyA, LINES), "WIRE_TRANSFER").path("id").asString();
	}

	/** A new unpaid order whose contacts are Alice and Bob. */
	String freshOrderWithBob() {
		String order = freshOrder();
		alice.post("/api/orders/" + order + "/contacts", Map.of("email", bob.email())).expect(201);
		return order;
	}

	/** A new licence of company A (a paid order's), Alice a contact of its order. */
	String freshLicense() {
		String order = buy(alice, companyA, LINES).path("id").asString();
		return awaitLicenses(alice, order, 1).get(0).path("id").asString();
	}

	/** A new licence of company A that support has revoked. */
	String freshRevokedLicense() {
		String license = freshLicense();
		Keycloak.support().post("/api/licenses/" + license + "/revocation", Map.of("reason", "Matrix")).expect(200);
		return license;
	}

	/** A new pending invitation of company A. */
	String freshInvitation() {
		return alice.post("/api/organizations/" + companyA + "/invitations", Map.of("email", freshAddress()))
			.expect(201)
			.text("id");
	}

	/** A new order paid by card: its id and the payment's. */
	String[] freshPaidOrder() {
		String order = buy(alice, companyA, LINES).path("id").asString();
		Reply payments = alice.get("/api/orders/" + order + "/payments").expect(200);
		return new String[] { order, payments.json().path("items").get(0).path("id").asString() };
	}

}
