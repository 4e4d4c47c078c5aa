package org.customerportal.order;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.customerportal.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The vendor's sales staff quote a company with discounts, a validity date and a note; the quote goes to
 * its people ({@code quote.sent}), and a member orders it at the discounted prices.
 */
class SalesQuoteIntegrationTest extends OrderIntegrationTestSupport {

	private static String salesBearer() {
		return "Bearer " + TOKENS.token()
			.subject("sales-" + UUID.randomUUID())
			.email("sally@vendor.example")
			.name("Sally Sales")
			.roles("customer", "sales")
			.sign();
	}

	private LocalDate inDays(int days) {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(days);
	}

	private ResultActions send(String bearer, UUID organizationId, String lines, LocalDate validUntil, String rest)
			throws Exception {
		return mvc.perform(post("/api/sales-quotes").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organizationId\":\"" + organizationId + "\",\"lines\":" + lines + ",\"validUntil\":\""
					+ validUntil + "\"" + rest + "}"));
	}

	@Test
	void aSalesQuoteWithDiscountsGoesToThePrimaryContactAndNamedMembersWhoOrderItAtItsPrices() throws Exception {
		Person primary = newOrganization();
		Person colleague = newMember(primary.organizationId());
		Person notNamed = newMember(primary.organizationId());
		LocalDate validUntil = inDays(45);

		JsonNode quote = json(send(salesBearer(), primary.organizationId(), """
				[{"product":"BARCODE-READER","licenseType":"ANNUAL","quota":2,"discount":{"percent":"10"}},
				 {"product":"DOCUMENT-SCANNER","licenseType":"PERPETUAL","quota":1,"discount":{"amount":"100.50"}},
				 {"product":"MRZ-SCANNER","licenseType":"ANNUAL","quota":1}]""", validUntil,
				",\"note\":\"As agreed on the phone: 10% off the SDK.\",\"recipients\":[\""
						+ colleague.email().toUpperCase() + "\",\"" + primary.email() + "\"]")
			.andExpect(status().isCreated())
			.andReturn());

		assertThat(quote.get("kind").asString()).isEqualTo("SALES");
		assertThat(quote.at("/lines/0/listAmount/amount").asString()).isEqualTo("2498.00");
		assertThat(quote.at("/lines/0/discountPercent").asString()).isEqualTo("10");
		assertThat(quote.at("/lines/0/discount/amount").asString()).isEqualTo("249.80");
		assertThat(quote.at("/lines/0/amount/amount").asString()).isEqualTo("2248.20");
		assertThat(quote.at("/lines/1/listAmount/amount").asString()).isEqualTo("7999.00");
		assertThat(quote.at("/lines/1/discount/amount").asString()).isEqualTo("100.50");
		assertThat(quote.at("/lines/1/amount/amount").asString()).isEqualTo("7898.50");
		assertThat(quote.at("/lines/1/discountPercent").isNull()).isTrue();
		assertThat(quote.at("/lines/2/discount/amount").asString()).isEqualTo("0.00");
		JsonNode listTotal = quote.get("listTotal");
		JsonNode total = quote.get("total");
		assertThat(new java.math.BigDecimal(listTotal.get("amount").asString())
			.subtract(new java.math.BigDecimal(total.get("amount").asString()))).isEqualByComparingTo("350.30");
		assertThat(quote.at("/discount/amount").asString()).isEqualTo("350.30");
		assertThat(quote.get("validUntil").asString()).isEqualTo(validUntil.toString());
		assertThat(quote.get("expiresAt").asString())
			.isEqualTo(validUntil.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
		assertThat(quote.get("note").asString()).isEqualTo("As agreed on the phone: 10% off the SDK.");
		assertThat(quote.get("preparedBy").asString()).isEqualTo("Sally Sales");
		// the primary contact once, even when named, then the named member
		assertThat(quote.get("sentTo").findValuesAsString("email")).containsExactly(primary.email(), colleague.email());

		String quoteId = quote.get("id").asString();
		TopicReader.Message sent = ORDER_EVENTS.awaitOne("portal.quote.sent.v1", quoteId);
		JsonNode data = assertPublishedAsDocumented(sent);
		assertThat(data.at("/recipients").findValuesAsString("email")).containsExactly(primary.email(),
				colleague.email());
		assertThat(data.at("/recipients/0/primaryContact").asBoolean()).isTrue();
		assertThat(data.at("/organizationName").asString()).startsWith("Acme ");
		assertThat(data.at("/total")).isEqualTo(total);
		assertThat(data.at("/lines/0/discount/amount").asString()).isEqualTo("249.80");
		assertThat(data.at("/note").asString()).isEqualTo("As agreed on the phone: 10% off the SDK.");
		assertThat(data.at("/validUntil").asString()).isEqualTo(validUntil.toString());

		// any member sees it with its discounts and note, though not named
		mvc.perform(get("/api/quotes/" + quoteId).header("Authorization", notNamed.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[0].discount.amount").value("249.80"))
			.andExpect(jsonPath("$.note").value("As agreed on the phone: 10% off the SDK."));
		// another company's people do not
		Person stranger = newOrganization();
		mvc.perform(get("/api/quotes/" + quoteId).header("Authorization", stranger.bearer()))
			.andExpect(status().isNotFound());

		JsonNode order = json(mvc
			.perform(post("/api/quotes/" + quoteId + "/order").header("Authorization", colleague.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"paymentMethod\":\"CREDIT_CARD\"}"))
			.andExpect(status().isCreated())
			.andReturn());
		assertThat(order.get("total")).isEqualTo(total);
		assertThat(order.at("/lines/0/amount/amount").asString()).isEqualTo("2248.20");
		String orderId = order.get("id").asString();
		payByCardOnTestPage(orderId, colleague);
		JsonNode paid = assertPublishedAsDocumented(ORDER_EVENTS.awaitOne("portal.order.paid.v1", orderId));
		assertThat(paid.get("total")).isEqualTo(total);
		assertThat(paid.at("/lines/1/amount/amount").asString()).isEqualTo("7898.50");
	}

	@Test
	void badDiscountsDatesAndRecipientsAnswer400NamingTheField() throws Exception {
		Person primary = newOrganization();
		Person stranger = newOrganization();
		String sales = salesBearer();
		UUID company = primary.organizationId();
		send(sales, company, "[{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":1,\"discount\":{\"amount\":\"1249.01\"}}]",
				inDays(10), "")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].discount.amount"))
			.andExpect(jsonPath("$.errors[0].message").value(
					"must not exceed the line's list amount of 1249.00 USD: a line cannot go below zero"));
		send(sales, company, "[{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":1,\"discount\":{\"percent\":\"101\"}}]",
				inDays(10), "")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].discount.percent"));
		send(sales, company, "[{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":1,\"discount\":{\"amount\":\"-5\"}}]",
				inDays(10), "")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].discount.amount"));
		send(sales, company, "[{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":1,\"discount\":{\"percent\":\"5\",\"amount\":\"5\"}}]",
				inDays(10), "")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].discount"));
		send(sales, company, "[{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":1}]", inDays(-1), "")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("validUntil"));
		send(sales, company, "[{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":1}]", inDays(10),
				",\"recipients\":[\"" + stranger.email() + "\"]")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("recipients[0]"));
		send(sales, company, "[{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":1}]", inDays(10),
				",\"note\":\"nul\\u0000byte\"")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		send(sales, company, "[{\"product\":\"nul\\u0000byte\",\"licenseType\":\"ANNUAL\",\"quota\":1}]", inDays(10), "")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].product"));
		// a full discount is allowed: the line costs nothing, never less
		send(sales, company, "[{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":1,\"discount\":{\"percent\":\"100\"}}]",
				inDays(0), "")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.total.amount").value("0.00"));
		send(sales, UUID.randomUUID(), "[{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":1}]",
				inDays(10), "")
			.andExpect(status().isNotFound());
	}

	@Test
	void onlySalesStaffSendQuotesAndAnExpiredOneCannotBeOrdered() throws Exception {
		Person primary = newOrganization();
		String line = "[{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":1}]";
		send(primary.bearer(), primary.organizationId(), line, inDays(5), "").andExpect(status().isForbidden());
		send(supportBearer(), primary.organizationId(), line, inDays(5), "").andExpect(status().isForbidden());

		LocalDate validUntil = inDays(5);
		String quoteId = json(send(salesBearer(), primary.organizationId(), line, validUntil, "")
			.andExpect(status().isCreated())
			.andReturn()).get("id").asString();
		clock.advance(Duration.ofDays(6));
		mvc.perform(post("/api/quotes/" + quoteId + "/order").header("Authorization", primary.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail")
				.value("This quote was valid until " + validUntil + ". Ask your sales contact for a new one."));
		await().untilAsserted(() -> assertThat(
				orderEvents(quoteId).stream().map(TopicReader.Message::type).toList()).isEqualTo(
						List.of("portal.quote.sent.v1")));
	}

}
