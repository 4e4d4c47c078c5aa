package org.customerportal.e2e.journeys;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Endpoints;
import org.customerportal.e2e.support.Http;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.LocalSuite;
import org.customerportal.e2e.support.MailCatcher;
import org.customerportal.e2e.support.Reply;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.customerportal.e2e.support.Steps.awaitLicenses;
import static org.customerportal.e2e.support.Steps.buy;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.eventually;
import static org.customerportal.e2e.support.Steps.line;
import static org.customerportal.e2e.support.Steps.order;
import static org.customerportal.e2e.support.Steps.quote;

/**
 * Journey 9: support revokes a licence, whose key then validates as REVOKED at once, the contacts are
 * told and renewal is refused, until support reinstates it; an order to be paid by wire transfer that is
 * never paid is reminded of, then expires.
 */
@EndToEndTest
@Order(9)
class RevocationAndUnpaidOrderJourneyTest {

	private static final String ORDER_CLOCK = "/api/orders/test-clock";

	private final User rita = Keycloak.customer("rita", "Rita", "Reyes");

	private final User support = Keycloak.support();

	@Test
	void aRevokedKeyValidatesAsRevoked() {
		UUID organization = createOrganization(rita, "Reyes Robotics");
		String orderId = buy(rita, organization, List.of(line("MRZ-SCANNER", "ANNUAL", 2))).path("id").asString();
		JsonNode license = awaitLicenses(rita, orderId, 1).get(0);
		String id = license.path("id").asString();
		String key = license.path("key").asString();
		assertThat(validate(key).path("code").asString()).isEqualTo("VALID");

		rita.post("/api/licenses/" + id + "/revocation", Map.of("reason", "mine")).expect(403);
		JsonNode revoked = support.post("/api/licenses/" + id + "/revocation",
				Map.of("reason", "The order's card payment was charged back."))
			.expect(200)
			.json();
		assertThat(revoked.path("status").asString()).isEqualTo("REVOKED");
		// at once: no cache of the gateway or of license-service answers VALID any more
		JsonNode answer = validate(key);
		assertThat(answer.path("code").asString()).isEqualTo("REVOKED");
		assertThat(answer.path("valid").asBoolean()).isFalse();
		assertThat(rita.get("/api/licenses/" + id).expect(200).json().path("revocationReason").asString())
			.isEqualTo("The order's card payment was charged back.");
		MailCatcher.Mail mail = MailCatcher.awaitMail(rita.email(), "licence has been revoked");
		assertThat(mail.text()).contains("The order's card payment was charged back.");
		rita.post("/api/licenses/" + id + "/activations", Map.of("deviceId", "rita-pc")).expect(422);
		eventually("order-service to refuse renewing the revoked licence", 422,
				() -> rita.post("/api/renewals", Map.of("licenseIds", List.of(id))));

		support.delete("/api/licenses/" + id + "/revocation").expect(200);
		assertThat(validate(key).path("code").asString()).isEqualTo("VALID");
	}

	@Test
	void anUnpaidWireOrderExpires() {
		Reply clock = support.get(ORDER_CLOCK);
		LocalSuite.require(clock.status() == 200, "order-service runs without its test clock "
				+ "(PORTAL_TESTCLOCK_ENABLED=true): GET " + ORDER_CLOCK + " answered " + clock.status());
		User ugo = Keycloak.customer("ugo", "Ugo", "Unpaid");
		UUID organization = createOrganization(ugo, "Unpaid Utilities");
		String overdue;
		String dueSoon;
		try {
			// placed 31 and 24 days ago: the one is past its 30 days, the other is due within 7 days
			support.put(ORDER_CLOCK, Map.of("offset", "-P31D")).expect(200);
			overdue = wireOrder(ugo, organization);
			support.put(ORDER_CLOCK, Map.of("offset", "-P24D")).expect(200);
			dueSoon = wireOrder(ugo, organization);
		}
		finally {
			support.put(ORDER_CLOCK, Map.of("offset", "PT0S")).expect(200);
		}
		MailCatcher.awaitMail(ugo.email(), "How to pay your order " + overdue + " by wire transfer");

		JsonNode expired = await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> ugo.get("/api/orders/" + overdue).expect(200).json(),
					o -> "CANCELLED".equals(o.path("status").asString()));
		assertThat(expired.path("cancellationReason").asString()).isEqualTo("EXPIRED");
		ugo.post("/api/orders/" + overdue + "/payments", Map.of("method", "WIRE_TRANSFER")).expect(409);

		MailCatcher.awaitMail(ugo.email(), "Your order " + dueSoon + " is cancelled on");
		assertThat(ugo.get("/api/orders/" + dueSoon).expect(200).json().path("status").asString())
			.isEqualTo("PENDING_PAYMENT");
		assertThat(MailCatcher.inbox(ugo.email(), "Your order " + overdue + " is cancelled on"))
			.as("an order already past its date is not reminded").isEmpty();
	}

	private static String wireOrder(User buyer, UUID organization) {
		return order(buyer, quote(buyer, organization, List.of(line("BARCODE-READER", "ANNUAL", 1))), "WIRE_TRANSFER")
			.path("id")
			.asString();
	}

	private static JsonNode validate(String key) {
		return Http.send("POST", Endpoints.GATEWAY.resolve("/api/licenses/validate"), Map.of(),
				Map.of("key", key, "product", "MRZ-SCANNER"))
			.expect(200)
			.json();
	}

}
