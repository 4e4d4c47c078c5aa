package org.customerportal.order;

import java.time.Duration;
import java.util.List;

import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Buying: the catalogue, a quote, its order, paying it by card on the provider's page, PayPal, wire
 * transfer; what billing reads on the topic.
 */
class PurchaseIntegrationTest extends OrderIntegrationTestSupport {

	private static final String TWO_LINES = """
			[{"product":"BARCODE-READER","licenseType":"ANNUAL","quota":2},
			 {"product":"DOCUMENT-SCANNER","licenseType":"PERPETUAL","quota":1}]""";

	@Test
	void theCatalogueListsProductsWithPricesAsDecimalStrings() throws Exception {
		Person someone = person(java.util.UUID.randomUUID());
		mvc.perform(get("/api/products").header("Authorization", someone.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(5))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.totalItems").value(5))
			.andExpect(jsonPath("$.items[?(@.code=='BARCODE-READER')].unitPrice.ANNUAL.amount").value("1249.00"))
			.andExpect(jsonPath("$.items[?(@.code=='BARCODE-READER')].unitPrice.PERPETUAL.amount").value("2499.00"))
			.andExpect(jsonPath("$.items[?(@.code=='BARCODE-READER')].maintenancePrice.amount").value("499.80"))
			.andExpect(jsonPath("$.items[?(@.code=='BARCODE-READER')].quotaUnit").value("developer"))
			.andExpect(jsonPath("$.items[?(@.code=='MRZ-SCANNER')].licenseTypes[0]").value("ANNUAL"))
			.andExpect(jsonPath("$.items[?(@.code=='MRZ-SCANNER')].unitPrice.ANNUAL.currency").value("USD"));
		mvc.perform(get("/api/products")).andExpect(status().isUnauthorized());
	}

	@Test
	void theCatalogueIsPagedAndRefusesPagesItCannotAnswer() throws Exception {
		String bearer = person(java.util.UUID.randomUUID()).bearer();
		JsonNode all = json(mvc.perform(get("/api/products").header("Authorization", bearer)).andReturn());
		JsonNode second = json(mvc.perform(get("/api/products?page=1&size=2").header("Authorization", bearer))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(second.get("items")).containsExactly(all.at("/items/2"), all.at("/items/3"));
		assertThat(second.get("page").asInt()).isEqualTo(1);
		assertThat(second.get("size").asInt()).isEqualTo(2);
		assertThat(second.get("totalItems").asLong()).isEqualTo(5);
		mvc.perform(get("/api/products?page=3&size=2").header("Authorization", bearer))
			.andExpect(jsonPath("$.items.length()").value(0))
			.andExpect(jsonPath("$.totalItems").value(5));

		mvc.perform(get("/api/products?size=0").header("Authorization", bearer))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		mvc.perform(get("/api/products?size=101").header("Authorization", bearer))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		mvc.perform(get("/api/products?page=-1").header("Authorization", bearer))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		mvc.perform(get("/api/products?page=first").header("Authorization", bearer))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
	}

	@Test
	void theOpenApiDocumentDescribesTheCalls() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/quotes/{quoteId}/order'].post").exists())
			.andExpect(jsonPath("$.paths['/api/orders/{orderId}/payments/{paymentId}/confirm'].post").exists())
			.andExpect(jsonPath("$.paths['/api/orders/{orderId}/payments/{paymentId}/refund'].post").exists())
			.andExpect(jsonPath("$.paths['/api/payments/webhooks/{provider}'].post").exists())
			.andExpect(jsonPath("$.components.schemas.PayOrder.properties.returnUrl").exists())
			.andExpect(jsonPath("$.components.schemas.PayOrder.properties.card").doesNotExist())
			.andExpect(jsonPath("$.paths['/api/renewals'].post").exists());
	}

	@Test
	void aQuoteBecomesAnOrderThatACardPaysAndBillingReadsTheSaleFromOrderPaid() throws Exception {
		Person buyer = newOrganization();

		JsonNode quote = createQuote(buyer, TWO_LINES);
		assertThat(quote.at("/lines/0/amount/amount").asString()).isEqualTo("2498.00");
		assertThat(quote.at("/lines/1/amount/amount").asString()).isEqualTo("7999.00");
		assertThat(quote.at("/total/amount").asString()).isEqualTo("10497.00");
		assertThat(Duration.between(java.time.Instant.parse(quote.get("createdAt").asString()),
				java.time.Instant.parse(quote.get("expiresAt").asString()))).isEqualTo(Duration.ofDays(30));

		JsonNode order = json(mvc
			.perform(post("/api/quotes/" + quote.get("id").asString() + "/order").header("Authorization", buyer.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"paymentMethod\":\"CREDIT_CARD\"}"))
			.andExpect(status().isCreated())
			.andReturn());
		String orderId = order.get("id").asString();
		assertThat(order.get("type").asString()).isEqualTo("NEW_PURCHASE");
		assertThat(order.get("status").asString()).isEqualTo("PENDING_PAYMENT");
		assertThat(order.at("/contacts/0/email").asString()).isEqualTo(buyer.email());
		mvc.perform(get("/api/quotes/" + quote.get("id").asString()).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.orderId").value(orderId));

		JsonNode started = startCardPayment(orderId, buyer);
		assertThat(started.at("/amount/amount").asString()).isEqualTo("10497.00");
		// nothing is paid until the provider confirms
		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("PENDING_PAYMENT"));
		assertThat(onTestPaymentPage(started, "succeeded")).isEqualTo(PORTAL + "/orders/" + orderId + "?payment=succeeded");
		JsonNode payment = json(mvc.perform(get("/api/orders/" + orderId + "/payments").header("Authorization", buyer.bearer()))
			.andReturn()).at("/items/0");
		assertThat(payment.get("id").asString()).isEqualTo(started.get("id").asString());
		assertThat(payment.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(payment.get("redirectUrl").isNull()).isTrue();

		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PAID"))
			.andExpect(jsonPath("$.paymentMethod").value("CREDIT_CARD"))
			.andExpect(jsonPath("$.paidAt").isNotEmpty());

		JsonNode placed = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.placed.v1", orderId));
		assertThat(placed.get("status").asString()).isEqualTo("PENDING_PAYMENT");
		assertThat(placed.get("placedBy").asString()).isEqualTo(buyer.userId());

		JsonNode paid = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.paid.v1", orderId));
		assertThat(paid.get("orderId").asString()).isEqualTo(orderId);
		assertThat(paid.get("organizationId").asString()).isEqualTo(buyer.organizationId().toString());
		assertThat(paid.get("type").asString()).isEqualTo("NEW_PURCHASE");
		assertThat(paid.get("paymentMethod").asString()).isEqualTo("CREDIT_CARD");
		assertThat(paid.get("paymentId").asString()).isEqualTo(payment.get("id").asString());
		assertThat(paid.at("/total/amount").asString()).isEqualTo("10497.00");
		assertThat(paid.at("/total/currency").asString()).isEqualTo("USD");
		JsonNode annual = paid.at("/lines/0");
		assertThat(annual.get("product").asString()).isEqualTo("BARCODE-READER");
		assertThat(annual.get("productName").asString()).isEqualTo("Barcode Reader SDK");
		assertThat(annual.get("licenseType").asString()).isEqualTo("ANNUAL");
		assertThat(annual.get("quota").asInt()).isEqualTo(2);
		assertThat(annual.get("licenseId").isNull()).isTrue();
		assertThat(annual.get("productVersion").asInt()).isEqualTo(10);
		assertThat(annual.at("/amount/amount").asString()).isEqualTo("2498.00");
		assertThat(paid.at("/lines/1/licenseType").asString()).isEqualTo("PERPETUAL");
		assertThat(paid.at("/contacts/0/userId").asString()).isEqualTo(buyer.userId());
		assertThat(paid.at("/contacts/0/email").asString()).isEqualTo(buyer.email());

		List<TopicReader.Message> events = orderEvents(orderId);
		assertThat(events).extracting(TopicReader.Message::type)
			.containsExactly("portal.order.placed.v1", "portal.order.paid.v1");

		// once per quote; a paid order cannot be paid or cancelled again
		mvc.perform(post("/api/quotes/" + quote.get("id").asString() + "/order").header("Authorization", buyer.bearer()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("This quote has already been turned into an order."));
		mvc.perform(payByCard(orderId, buyer))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("This order is already paid."));
		mvc.perform(post("/api/orders/" + orderId + "/cancel").header("Authorization", buyer.bearer()))
			.andExpect(status().isConflict());
	}

	@Test
	void aPaymentDeclinedOnTheProvidersPageLeavesTheOrderUnpaid() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, TWO_LINES).get("id").asString();

		JsonNode declined = startCardPayment(orderId, buyer);
		assertThat(onTestPaymentPage(declined, "declined")).endsWith("?payment=declined");
		assertThat(jdbc.sql("select failure_reason from payment where id = ?::uuid")
			.param(declined.get("id").asString())
			.query(String.class)
			.single()).startsWith("Your payment was declined.");

		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("PENDING_PAYMENT"));
		mvc.perform(get("/api/orders/" + orderId + "/payments").header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.items.length()").value(0))
			.andExpect(jsonPath("$.totalItems").value(0));

		mvc.perform(post("/api/orders/" + orderId + "/payments").header("Authorization", buyer.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"method\":\"PAYPAL\"}")).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING"));
		JsonNode paypal = json(mvc.perform(get("/api/orders/" + orderId + "/payments").header("Authorization", buyer.bearer()))
			.andReturn()).at("/items/0");
		onTestPaymentPage(paypal, "succeeded");
		JsonNode paid = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.paid.v1", orderId));
		assertThat(paid.get("paymentMethod").asString()).isEqualTo("PAYPAL");
	}

	@Test
	void aWireTransferStaysPendingUntilSupportConfirmsIt() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, TWO_LINES).get("id").asString();

		JsonNode payment = json(mvc
			.perform(post("/api/orders/" + orderId + "/payments").header("Authorization", buyer.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"method\":\"WIRE_TRANSFER\"}"))
			.andExpect(status().isCreated())
			.andReturn());
		assertThat(payment.get("status").asString()).isEqualTo("PENDING");
		assertThat(payment.get("instructions").asString()).contains("10497.00 USD").contains(payment.get("reference").asString());
		String paymentId = payment.get("id").asString();
		mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.status").value("PENDING_PAYMENT"))
			.andExpect(jsonPath("$.paymentMethod").value("WIRE_TRANSFER"));

		// a second payment while the transfer is on its way is refused
		mvc.perform(payByCard(orderId, buyer)).andExpect(status().isConflict());
		String payments = "/api/orders/" + orderId + "/payments";
		mvc.perform(get(payments).header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(paymentId)))
			.andExpect(jsonPath("$.items[0].status").value("PENDING"))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.totalItems").value(1));
		mvc.perform(get(payments + "?size=0").header("Authorization", buyer.bearer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));

		String confirm = "/api/orders/" + orderId + "/payments/" + paymentId + "/confirm";
		mvc.perform(post(confirm).header("Authorization", buyer.bearer())).andExpect(status().isForbidden());

		String support = supportBearer();
		mvc.perform(post(confirm).header("Authorization", support))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUCCEEDED"));
		mvc.perform(get("/api/orders/" + orderId).header("Authorization", support))
			.andExpect(jsonPath("$.status").value("PAID"));
		mvc.perform(post(confirm).header("Authorization", support))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("This payment was already confirmed."));

		JsonNode paid = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.paid.v1", orderId));
		assertThat(paid.get("paymentMethod").asString()).isEqualTo("WIRE_TRANSFER");
		assertThat(paid.get("paymentId").asString()).isEqualTo(paymentId);
	}

	@Test
	void aCancelledOrderCannotBePaidAndItsPendingCheckIsVoid() throws Exception {
		Person buyer = newOrganization();
		String orderId = placeOrder(buyer, TWO_LINES).get("id").asString();
		String paymentId = json(mvc
			.perform(post("/api/orders/" + orderId + "/payments").header("Authorization", buyer.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"method\":\"CHECK\"}"))
			.andExpect(status().isCreated())
			.andReturn()).get("id").asString();

		mvc.perform(post("/api/orders/" + orderId + "/cancel").header("Authorization", buyer.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"));
		mvc.perform(payByCard(orderId, buyer))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("This order was cancelled")));
		mvc.perform(post("/api/orders/" + orderId + "/payments/" + paymentId + "/confirm").header("Authorization",
				supportBearer()))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/orders/" + orderId + "/payments").header("Authorization", buyer.bearer()))
			.andExpect(jsonPath("$.items[0].status").value("CANCELLED"))
			.andExpect(jsonPath("$.totalItems").value(1));

		JsonNode cancelled = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.cancelled.v1", orderId));
		assertThat(cancelled.get("cancelledBy").asString()).isEqualTo(buyer.userId());
	}

	@Test
	void quotesAreForMembersOnlyAndAPersonWhoseMembershipHasNotArrivedIsNotOneYet() throws Exception {
		Person creator = newOrganization();
		Person newcomer = person(creator.organizationId());
		String body = "{\"organizationId\":\"" + creator.organizationId() + "\",\"lines\":" + TWO_LINES + "}";

		mvc.perform(post("/api/quotes").header("Authorization", newcomer.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isNotFound());
		String quoteId = createQuote(creator, TWO_LINES).get("id").asString();
		mvc.perform(get("/api/quotes/" + quoteId).header("Authorization", newcomer.bearer()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/quotes/" + quoteId + "/order").header("Authorization", newcomer.bearer()))
			.andExpect(status().isNotFound());

		awaitApplied(memberJoined(newcomer));
		mvc.perform(get("/api/quotes/" + quoteId).header("Authorization", newcomer.bearer()))
			.andExpect(status().isOk());
		mvc.perform(post("/api/quotes").header("Authorization", newcomer.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated());

		Person outsider = newOrganization();
		mvc.perform(get("/api/quotes/" + quoteId).header("Authorization", outsider.bearer()))
			.andExpect(status().isNotFound());
	}

	@Test
	void badLinesAnswer400NamingTheFieldAndCreateNothing() throws Exception {
		Person buyer = newOrganization();
		long quotesBefore = quotes();
		expectBadLine(buyer, "{\"product\":\"NO-SUCH-THING\",\"licenseType\":\"ANNUAL\",\"quota\":1}", "lines[0].product");
		expectBadLine(buyer, "{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":0}", "lines[0].quota");
		expectBadLine(buyer, "{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":-3}", "lines[0].quota");
		expectBadLine(buyer, "{\"product\":\"MRZ-SCANNER\",\"licenseType\":\"PERPETUAL\",\"quota\":1}",
				"lines[0].licenseType");
		expectBadLine(buyer, "{\"product\":\"MRZ-SCANNER\",\"licenseType\":\"FOREVER\",\"quota\":1}",
				"lines[0].licenseType");
		assertThat(quotes()).isEqualTo(quotesBefore);
	}

	@Test
	void anExpiredQuoteCannotBeOrdered() throws Exception {
		Person buyer = newOrganization();
		String quoteId = createQuote(buyer, TWO_LINES).get("id").asString();
		clock.advance(Duration.ofDays(30).plusMinutes(1));
		mvc.perform(post("/api/quotes/" + quoteId + "/order").header("Authorization", buyer.bearer()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Request a new quote")));
		assertThat(jdbc.sql("select count(*) from orders where quote_id = ?::uuid").param(quoteId).query(Long.class).single())
			.isZero();
	}

	private void expectBadLine(Person buyer, String line, String field) throws Exception {
		mvc.perform(post("/api/quotes").header("Authorization", buyer.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":\"" + buyer.organizationId() + "\",\"lines\":[" + line + "]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private long quotes() {
		return jdbc.sql("select count(*) from quote").query(Long.class).single();
	}

}
