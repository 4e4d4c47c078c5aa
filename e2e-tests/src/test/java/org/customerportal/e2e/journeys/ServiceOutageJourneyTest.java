package org.customerportal.e2e.journeys;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.LocalRun;
import org.customerportal.e2e.support.LocalSuite;
import org.customerportal.e2e.support.Reply;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportal.e2e.support.Steps.awaitLicenses;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.eventually;
import static org.customerportal.e2e.support.Steps.line;
import static org.customerportal.e2e.support.Steps.order;
import static org.customerportal.e2e.support.Steps.payByCard;
import static org.customerportal.e2e.support.Steps.quote;

/**
 * Journey 8: license-service stops. Its routes answer 503 with Retry-After at once through the gateway
 * while the other services keep working; an order paid meanwhile becomes a licence once license-service
 * runs again and reads the events it missed.
 */
@EndToEndTest
@Order(9)
class ServiceOutageJourneyTest {

	/** "Quickly": a stopped service must not make the portal hang. */
	private static final Duration QUICK = Duration.ofSeconds(1);

	private final User jon = Keycloak.customer("jon", "Jon", "Jensen");

	@Test
	void aStoppedServiceAnswers503AndCatchesUpWhenBack() throws Exception {
		UUID organization = createOrganization(jon, "Jensen Joinery");
		JsonNode order = order(jon, quote(jon, organization, List.of(line("BARCODE-READER", "PERPETUAL", 1))), "CREDIT_CARD");
		String orderId = order.path("id").asString();
		jon.get("/api/licenses").expect(200);

		LocalRun localRun = LocalSuite.localRun();
		ProcessHandle licenseService;
		try {
			licenseService = localRun.runningComponent("license-service");
		}
		catch (IllegalStateException ex) {
			Assumptions.assumeTrue(LocalSuite.startedHere(), "the reused suite's license-service cannot be found: "
					+ ex.getMessage() + " (set LOCAL_RUN_DIR to its data folder)");
			throw ex;
		}
		licenseService.destroy();
		try {
			licenseService.onExit().get(90, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			licenseService.destroyForcibly();
			licenseService.onExit().get(30, TimeUnit.SECONDS);
		}
		try {
			for (String path : List.of("/api/licenses", "/api/licenses/upcoming-renewals", "/api/licenses", "/api/licenses")) {
				Reply unavailable = jon.get(path);
				assertThat(unavailable.status()).as("%s", unavailable).isEqualTo(503);
				assertThat(unavailable.took()).as("%s", unavailable).isLessThan(QUICK);
				assertThat(unavailable.header("Retry-After")).as("%s", unavailable).isPresent();
				assertThat(unavailable.header("Content-Type")).hasValueSatisfying(
						type -> assertThat(type).startsWith("application/problem+json"));
			}
			Reply trial = jon.post("/api/trials", Map.of("product", "MRZ-SCANNER"));
			assertThat(trial.status()).as("%s", trial).isEqualTo(503);
			assertThat(trial.took()).isLessThan(QUICK);

			assertThat(jon.get("/api/me").expect(200).json().path("organizationId").asString())
				.isEqualTo(organization.toString());
			jon.get("/api/products").expect(200);
			jon.get("/api/notifications/preferences").expect(200);
			payByCard(jon, orderId);
			assertThat(jon.get("/api/orders/" + orderId).expect(200).json().path("status").asString()).isEqualTo("PAID");
		}
		finally {
			localRun.run(Duration.ofMinutes(12), "up", "--services-only");
		}

		JsonNode license = awaitLicenses(jon, orderId, 1).get(0);
		assertThat(license.path("type").asString()).isEqualTo("PERPETUAL");
		// the gateway's circuit breaker closes once its trial calls went through, which a quick restart may
		// not have given it yet: meanwhile it asks to try again in a few seconds
		eventually("license " + license.path("id").asString() + " through the gateway", 200,
				() -> jon.get("/api/licenses/" + license.path("id").asString()));
	}

}
