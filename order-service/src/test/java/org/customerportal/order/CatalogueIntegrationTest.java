package org.customerportal.order;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalogue as the vendor's sales staff keep it: products, releases and price lists changed
 * through the API with optimistic locking, written to the audit trail and announced on
 * {@code portal.catalog.events}. Tests create their own products and currencies, so the demo
 * catalogue other tests price from stays as it is.
 */
class CatalogueIntegrationTest extends OrderIntegrationTestSupport {

	private static final TopicReader CATALOG_EVENTS = TopicReader.of("portal.catalog.events");

	private static final List<String> UNSEEDED = List.of("CHF", "SEK", "NOK", "DKK", "PLN", "CAD", "AUD", "NZD");

	private static final AtomicInteger CURRENCIES = new AtomicInteger();

	private final String salesId = "sales-" + UUID.randomUUID();

	private final String sales = "Bearer " + TOKENS.sales(salesId, "sally@vendor.example");

	@Test
	void salesCreateAProductWhoseFirstVersionIsReleasedAndAudited() throws Exception {
		String code = newCode();
		mvc.perform(createProduct(sales, code, "[\"ANNUAL\",\"PERPETUAL\"]", 4))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(header().string("Location", "/api/products/" + code))
			.andExpect(jsonPath("$.currentVersion").value(4))
			.andExpect(jsonPath("$.licenseTypes.length()").value(2));

		JsonNode released = assertPublishedAsDocumented(CATALOG_EVENTS.awaitOne("portal.product.released.v1", code));
		assertThat(released.get("majorVersion").asInt()).isEqualTo(4);
		assertThat(released.get("releasedBy").asString()).isEqualTo(salesId);
		JsonNode changed = assertPublishedAsDocumented(CATALOG_EVENTS.awaitOne("portal.product.changed.v1", code));
		assertThat(changed.get("name").asString()).isEqualTo("Test Product " + code);

		JsonNode audit = json(mvc.perform(get("/api/catalogue-changes").param("subjectType", "PRODUCT")
			.param("subject", code)
			.header("Authorization", sales)).andExpect(status().isOk()).andReturn());
		assertThat(audit.at("/items/0/changedBy").asString()).isEqualTo(salesId);
		assertThat(audit.at("/items/0/action").asString()).isEqualTo("CREATED");
		assertThat(audit.at("/items/0/details/name").asString()).isEqualTo("Test Product " + code);

		// a second product with the same code
		mvc.perform(createProduct(sales, code, "[\"ANNUAL\"]", 1)).andExpect(status().isConflict());
		// a NUL would fail in PostgreSQL: it is refused as bad input
		mvc.perform(post("/api/products").header("Authorization", sales)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + newCode() + "\",\"name\":\"nul\\u0000byte\",\"quotaUnit\":\"device\","
					+ "\"licenseTypes\":[\"ANNUAL\"],\"currentVersion\":1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		mvc.perform(get("/api/catalogue-changes").param("subject", "nul\u0000byte").header("Authorization", sales))
			.andExpect(status().isBadRequest());
	}

	@Test
	void customersReadTheCatalogueButDoNotChangeIt() throws Exception {
		Person customer = newOrganization();
		String code = newCode();
		mvc.perform(createProduct(customer.bearer(), code, "[\"ANNUAL\"]", 1))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Only the vendor's sales and support staff can change the catalogue."));
		mvc.perform(get("/api/price-lists/EUR").header("Authorization", customer.bearer()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/catalogue-changes").header("Authorization", customer.bearer()))
			.andExpect(status().isForbidden());
		// support keeps its rights
		mvc.perform(createProduct(supportBearer(), code, "[\"ANNUAL\"]", 1)).andExpect(status().isCreated());
	}

	@Test
	void aChangeNeedsTheETagItWasMadeOnSoNobodysChangeIsLost() throws Exception {
		String code = newCode();
		mvc.perform(createProduct(sales, code, "[\"ANNUAL\"]", 1)).andExpect(status().isCreated());
		String body = "{\"name\":\"Renamed\",\"quotaUnit\":\"server\",\"licenseTypes\":[\"ANNUAL\",\"PERPETUAL\"]}";

		mvc.perform(put("/api/products/" + code).header("Authorization", sales)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isPreconditionRequired());
		mvc.perform(put("/api/products/" + code).header("Authorization", sales)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.name").value("Renamed"))
			.andExpect(jsonPath("$.updatedBy").value(salesId));
		// a colleague who loaded it before that change
		mvc.perform(put("/api/products/" + code).header("Authorization", supportBearer())
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Other\",\"quotaUnit\":\"device\",\"licenseTypes\":[\"ANNUAL\"]}"))
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.detail").value("Someone changed the product " + code
					+ " since you loaded it. Reload it, check their change and make yours again."));
		mvc.perform(get("/api/products/" + code).header("Authorization", sales))
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.name").value("Renamed"));
	}

	@Test
	void aReleaseMustBeNewerAndBecomesTheVersionQuotesSell() throws Exception {
		String code = newCode();
		mvc.perform(createProduct(sales, code, "[\"ANNUAL\"]", 2)).andExpect(status().isCreated());
		String currency = newCurrency();
		mvc.perform(putPriceList(currency, null, "[{\"product\":\"" + code + "\",\"annualUnitPrice\":\"100.00\"}]"))
			.andExpect(status().isCreated());

		mvc.perform(release(code, 2)).andExpect(status().isConflict());
		mvc.perform(release(code, 3))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.currentVersion").value(3));
		JsonNode released = assertPublishedAsDocumented(CATALOG_EVENTS
			.awaitMessages(m -> code.equals(m.key()) && "portal.product.released.v1".equals(m.type())
					&& m.data().get("majorVersion").asInt() == 3)
			.get(0));
		assertThat(released.get("releasedOn").asString()).isEqualTo("2026-05-04");

		mvc.perform(get("/api/products/" + code + "/releases").header("Authorization", sales))
			.andExpect(jsonPath("$[0].majorVersion").value(3))
			.andExpect(jsonPath("$[0].releasedOn").value("2026-05-04"))
			.andExpect(jsonPath("$[1].majorVersion").value(2));
		Person customer = newOrganization();
		JsonNode quote = json(mvc.perform(post("/api/quotes").header("Authorization", customer.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":\"" + customer.organizationId() + "\",\"currency\":\"" + currency
					+ "\",\"lines\":[{\"product\":\"" + code + "\",\"licenseType\":\"ANNUAL\",\"quota\":2}]}"))
			.andExpect(status().isCreated())
			.andReturn());
		assertThat(quote.at("/lines/0/productVersion").asInt()).isEqualTo(3);
		assertThat(quote.at("/total/amount").asString()).isEqualTo("200.00");
		assertThat(quote.at("/total/currency").asString()).isEqualTo(currency);
	}

	@Test
	void aPriceListPricesEachTypeAProductIsSoldAsAndChangesWithItsETag() throws Exception {
		String code = newCode();
		mvc.perform(createProduct(sales, code, "[\"PERPETUAL\"]", 1)).andExpect(status().isCreated());
		String currency = newCurrency();

		mvc.perform(putPriceList(currency, null, "[{\"product\":\"" + code + "\",\"perpetualUnitPrice\":\"900.00\"}]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("prices[0].maintenanceUnitPrice"));
		// money is counted in cents: no made-up codes, no yen
		mvc.perform(putPriceList("QQQ", null, "[]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("currency"));
		mvc.perform(putPriceList("JPY", null, "[]")).andExpect(status().isBadRequest());
		mvc.perform(putPriceList(currency, null, "[{\"product\":\"" + code + "\",\"perpetualUnitPrice\":\"-1\"}]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("prices[0].perpetualUnitPrice"));
		String prices = "[{\"product\":\"" + code
				+ "\",\"perpetualUnitPrice\":\"900.00\",\"maintenanceUnitPrice\":\"180.00\",\"upgradeUnitPrice\":\"450.00\"}]";
		mvc.perform(putPriceList(currency, null, prices))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""));
		mvc.perform(putPriceList(currency, null, prices)).andExpect(status().isPreconditionRequired());

		String raised = prices.replace("900.00", "990.00");
		mvc.perform(putPriceList(currency, "\"0\"", raised))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.prices[0].perpetualUnitPrice.amount").value("990.00"));
		mvc.perform(putPriceList(currency, "\"0\"", prices)).andExpect(status().isPreconditionFailed());

		JsonNode changed = assertPublishedAsDocumented(CATALOG_EVENTS
			.awaitMessages(m -> currency.equals(m.key()) && m.data().get("version").asInt() == 1)
			.get(0));
		assertThat(changed.at("/prices/0/perpetualUnitPrice/amount").asString()).isEqualTo("990.00");
		assertThat(changed.at("/prices/0/perpetualUnitPrice/currency").asString()).isEqualTo(currency);
		assertThat(changed.get("changedBy").asString()).isEqualTo(salesId);
		mvc.perform(get("/api/products").param("currency", currency).header("Authorization", sales))
			.andExpect(jsonPath("$.items[0].code").value(code))
			.andExpect(jsonPath("$.items[0].unitPrice.PERPETUAL.amount").value("990.00"))
			.andExpect(jsonPath("$.items[0].upgradePrice.amount").value("450.00"));
	}

	@Test
	void aEuroQuoteMakesAEuroOrderAndTheOrganizationPaysInEurosFromThen() throws Exception {
		Person buyer = newOrganization();
		JsonNode quote = json(mvc.perform(post("/api/quotes").header("Authorization", buyer.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":\"" + buyer.organizationId()
					+ "\",\"currency\":\"EUR\",\"lines\":[{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":2}]}"))
			.andExpect(status().isCreated())
			.andReturn());
		assertThat(quote.at("/lines/0/unitPrice/amount").asString()).isEqualTo("1149.00");
		assertThat(quote.at("/total/currency").asString()).isEqualTo("EUR");
		String orderId = json(mvc.perform(post("/api/quotes/" + quote.get("id").asString() + "/order")
			.header("Authorization", buyer.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isCreated()).andReturn()).get("id").asString();

		payByCardOnTestPage(orderId, buyer);
		JsonNode paid = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.paid.v1", orderId));
		assertThat(paid.at("/total/amount").asString()).isEqualTo("2298.00");
		assertThat(paid.at("/total/currency").asString()).isEqualTo("EUR");
		assertThat(paid.at("/lines/0/amount/currency").asString()).isEqualTo("EUR");

		// the first order chose the currency: quotes in another one are refused, without one they are in euros
		mvc.perform(post("/api/quotes").header("Authorization", buyer.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":\"" + buyer.organizationId()
					+ "\",\"currency\":\"USD\",\"lines\":[{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":1}]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(
					"Your organization pays in EUR, so its quotes are in EUR. Ask support if you need to pay in USD."));
		assertThat(createQuote(buyer, "[{\"product\":\"MRZ-SCANNER\",\"licenseType\":\"ANNUAL\",\"quota\":1}]")
			.at("/total/currency")
			.asString()).isEqualTo("EUR");
		// the catalogue shows its members euro prices
		mvc.perform(get("/api/products").param("size", "100").header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.items[?(@.code == 'MRZ-SCANNER')].unitPrice.ANNUAL.amount").value("45.00"))
			.andExpect(jsonPath("$.items[?(@.code == 'MRZ-SCANNER')].unitPrice.ANNUAL.currency").value("EUR"));

		// support moves it to pounds
		mvc.perform(put("/api/billing-currencies/" + buyer.organizationId()).header("Authorization", supportBearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currency\":\"GBP\"}")).andExpect(status().isOk());
		assertThat(createQuote(buyer, "[{\"product\":\"MRZ-SCANNER\",\"licenseType\":\"ANNUAL\",\"quota\":1}]")
			.at("/total/amount")
			.asString()).isEqualTo("39.00");
		mvc.perform(put("/api/billing-currencies/" + buyer.organizationId()).header("Authorization", buyer.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currency\":\"USD\"}")).andExpect(status().isForbidden());
		mvc.perform(put("/api/billing-currencies/" + buyer.organizationId()).header("Authorization", sales)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currency\":\"QQQ\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("currency"));
	}

	// --- calls

	private MockHttpServletRequestBuilder createProduct(String bearer, String code, String types, int version) {
		return post("/api/products").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\",\"name\":\"Test Product " + code
					+ "\",\"quotaUnit\":\"developer\",\"licenseTypes\":" + types + ",\"currentVersion\":" + version
					+ "}");
	}

	private MockHttpServletRequestBuilder release(String code, int version) {
		return post("/api/products/" + code + "/releases").header("Authorization", sales)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"majorVersion\":" + version + ",\"releasedOn\":\"2026-05-04\"}");
	}

	private MockHttpServletRequestBuilder putPriceList(String currency, String ifMatch, String prices) {
		MockHttpServletRequestBuilder request = put("/api/price-lists/" + currency).header("Authorization", sales)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"prices\":" + prices + "}");
		return ifMatch == null ? request : request.header("If-Match", ifMatch);
	}

	private static String newCode() {
		return "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	/** A currency of ISO 4217 none of the seeded price lists is in. */
	private static String newCurrency() {
		return UNSEEDED.get(CURRENCIES.getAndIncrement());
	}

}
