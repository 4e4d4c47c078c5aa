package org.customerportal.e2e.journeys;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.LocalSuite;
import org.customerportal.e2e.support.Reply;
import org.customerportal.e2e.support.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportal.e2e.support.Steps.awaitLicenses;
import static org.customerportal.e2e.support.Steps.buy;
import static org.customerportal.e2e.support.Steps.createOrganization;
import static org.customerportal.e2e.support.Steps.eventually;
import static org.customerportal.e2e.support.Steps.line;
import static org.customerportal.e2e.support.Steps.payByCard;

/**
 * The vendor's side: sales put a new product on sale with its prices in dollars and euros, and later
 * release its version 2. A customer with a valid annual licence upgrades to it for free; one whose
 * perpetual licence's maintenance has lapsed buys the upgrade (an UPGRADE order, paid, fulfilled by
 * license-service); a company that chose euros gets a euro quote, order and payment.
 */
@EndToEndTest
@Order(20)
class CatalogueAndUpgradeJourneyTest {

	private static final String PRODUCT = "E2E-" + Keycloak.RUN.toUpperCase();

	private final User sally = Keycloak.sales();

	private final User support = Keycloak.support();

	@Test
	void salesReleaseVersionTwoAnnualUpgradesForFreeLapsedPerpetualBuysItAndEurosStayEuros() {
		sally.post("/api/products", Map.of("code", PRODUCT, "name", "E2E Imaging SDK " + Keycloak.RUN, "quotaUnit",
				"developer", "licenseTypes", List.of("ANNUAL", "PERPETUAL"), "currentVersion", 1)).expect(201);
		addPrices("USD", "100.00", "300.00", "60.00", "150.00");
		addPrices("EUR", "90.00", "270.00", "54.00", "135.00");

		User uma = Keycloak.customer("uma", "Uma", "Ulrich");
		User pete = Keycloak.customer("pete", "Pete", "Perpetual");
		UUID umas = createOrganization(uma, "Ulrich Annual");
		UUID petes = createOrganization(pete, "Perpetual Pete");
		JsonNode annual = bought(uma, umas, "ANNUAL");
		JsonNode perpetual = bought(pete, petes, "PERPETUAL");
		assertThat(annual.path("productVersion").asInt()).isEqualTo(1);

		// sales release version 2: license-service learns it from the catalogue's event
		sally.post("/api/products/" + PRODUCT + "/releases", Map.of("majorVersion", 2)).expect(201);
		sally.post("/api/products/" + PRODUCT + "/releases", Map.of("majorVersion", 2)).expect(409);
		String annualPath = "/api/licenses/" + annual.path("id").asString();
		JsonNode upgraded = eventually("a free upgrade of " + annualPath + " to version 2", 200,
				() -> uma.post(annualPath + "/upgrade", Map.of("targetVersion", 2)))
			.json();
		assertThat(upgraded.path("productVersion").asInt()).isEqualTo(2);
		// a free upgrade is not sold
		assertThat(uma.post("/api/upgrade-orders", Map.of("licenseId", annual.path("id").asString()))
			.expect(422)
			.text("detail")).contains("so upgrades are free");

		String perpetualId = perpetual.path("id").asString();
		LocalDate maintenanceEnd = LocalDate.parse(perpetual.path("maintenanceExpiresAt").asString());
		String offset = "P" + (ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), maintenanceEnd) + 1) + "D";
		requireTestClock("/api/licenses/test-clock");
		requireTestClock("/api/orders/test-clock");
		String orderId;
		try {
			support.put("/api/licenses/test-clock", Map.of("offset", offset)).expect(200);
			support.put("/api/orders/test-clock", Map.of("offset", offset)).expect(200);
			assertThat(pete.post("/api/licenses/" + perpetualId + "/upgrade", Map.of("targetVersion", 2))
				.expect(422)
				.text("detail")).isEqualTo("Maintenance of your perpetual licence ended on " + maintenanceEnd
						+ ". Renew maintenance to upgrade for free.");
			JsonNode order = pete.post("/api/upgrade-orders", Map.of("licenseId", perpetualId, "paymentMethod",
					"CREDIT_CARD")).expect(201).json();
			assertThat(order.path("type").asString()).isEqualTo("UPGRADE");
			assertThat(order.at("/lines/0/productVersion").asInt()).isEqualTo(2);
			assertThat(order.at("/total/amount").asString()).isEqualTo("300.00"); // 2 developers x 150.00
			orderId = order.path("id").asString();
		}
		finally {
			support.put("/api/licenses/test-clock", Map.of("offset", "PT0S")).expect(200);
			support.put("/api/orders/test-clock", Map.of("offset", "PT0S")).expect(200);
		}
		payByCard(pete, orderId);
		eventually("licence " + perpetualId + " on version 2", () -> pete.get("/api/licenses/" + perpetualId),
				reply -> reply.status() == 200 && reply.json().path("productVersion").asInt() == 2, "productVersion 2");

		// a company that pays in euros: quote, order and payment in euros at the euro price list
		User eva = Keycloak.customer("eva", "Eva", "Euro");
		UUID evas = createOrganization(eva, "Euro Eva");
		JsonNode quote = eventually("a euro quote for " + eva, 201,
				() -> eva.post("/api/quotes", Map.of("organizationId", evas, "currency", "EUR", "lines",
						List.of(line(PRODUCT, "ANNUAL", 3)))))
			.json();
		assertThat(quote.at("/total/amount").asString()).isEqualTo("270.00");
		assertThat(quote.at("/total/currency").asString()).isEqualTo("EUR");
		JsonNode euroOrder = eva.post("/api/quotes/" + quote.path("id").asString() + "/order",
				Map.of("paymentMethod", "CREDIT_CARD")).expect(201).json();
		assertThat(euroOrder.at("/total/currency").asString()).isEqualTo("EUR");
		payByCard(eva, euroOrder.path("id").asString());
		JsonNode paid = eva.get("/api/orders/" + euroOrder.path("id").asString()).expect(200).json();
		assertThat(paid.path("status").asString()).isEqualTo("PAID");
		assertThat(paid.at("/total/currency").asString()).isEqualTo("EUR");
		assertThat(sally.get("/api/billing-currencies/" + evas).expect(200).text("currency")).isEqualTo("EUR");

		// who changed what, when
		JsonNode audit = sally.get("/api/catalogue-changes?subject=" + PRODUCT).expect(200).json();
		assertThat(audit.at("/items/0/action").asString()).isEqualTo("CREATED");
		assertThat(audit.at("/items/0/changedBy").asString()).isEqualTo(sally.id());
	}

	/** Adds the product to a currency's price list, with the ETag the list was read at. */
	private void addPrices(String currency, String annual, String perpetual, String maintenance, String upgrade) {
		Reply list = sally.get("/api/price-lists/" + currency).expect(200);
		List<Map<String, Object>> prices = new ArrayList<>();
		for (JsonNode price : list.json().path("prices")) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("product", price.path("product").asString());
			for (String field : List.of("annualUnitPrice", "perpetualUnitPrice", "maintenanceUnitPrice",
					"upgradeUnitPrice")) {
				if (!price.path(field).isNull() && !price.path(field).isMissingNode()) {
					entry.put(field, price.path(field).path("amount").asString());
				}
			}
			prices.add(entry);
		}
		prices.add(Map.of("product", PRODUCT, "annualUnitPrice", annual, "perpetualUnitPrice", perpetual,
				"maintenanceUnitPrice", maintenance, "upgradeUnitPrice", upgrade));
		String etag = list.header("ETag").orElseThrow();
		sally.call("PUT", "/api/price-lists/" + currency, Map.of("If-Match", etag), Map.of("prices", prices))
			.expect(200);
		// the same ETag again: somebody else's change would be lost
		sally.call("PUT", "/api/price-lists/" + currency, Map.of("If-Match", etag), Map.of("prices", prices))
			.expect(412);
	}

	private JsonNode bought(User buyer, UUID organization, String type) {
		String orderId = buy(buyer, organization, List.of(line(PRODUCT, type, 2))).path("id").asString();
		return awaitLicenses(buyer, orderId, 1).get(0);
	}

	private void requireTestClock(String path) {
		Reply clock = support.get(path);
		LocalSuite.require(clock.status() == 200, "the suite runs without the test clock of " + path
				+ " (PORTAL_TESTCLOCK_ENABLED=true): it answered " + clock.status());
	}

}
