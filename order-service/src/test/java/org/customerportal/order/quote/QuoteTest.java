package org.customerportal.order.quote;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.customerportal.order.LicenseType;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuoteTest {

	private static final Instant NOW = Instant.parse("2026-01-10T09:00:00Z");

	private final Quote quote = Quote.of(UUID.randomUUID(), "user-1",
			List.of(new QuoteLine("BARCODE-READER", "Barcode Reader SDK", LicenseType.ANNUAL, 2, 10,
					new BigDecimal("1249.00"), new BigDecimal("2498.00")),
					new QuoteLine("MRZ-SCANNER", "MRZ Scanner", LicenseType.ANNUAL, 3, 3, new BigDecimal("49.00"),
							new BigDecimal("147.00"))),
			"USD", NOW, Duration.ofDays(30));

	@Test
	void totalsItsLinesAndIsValidThirtyDays() {
		assertThat(quote.total().amount()).isEqualByComparingTo("2645.00");
		assertThat(quote.expiresAt()).isEqualTo(Instant.parse("2026-02-09T09:00:00Z"));
		assertThat(quote.expiredAt(NOW.plus(Duration.ofDays(30)).minusSeconds(1))).isFalse();
		assertThat(quote.expiredAt(NOW.plus(Duration.ofDays(30)))).isTrue();
	}

	@Test
	void becomesOneOrderOnly() {
		quote.ordered(UUID.randomUUID(), NOW);
		assertThatThrownBy(() -> quote.ordered(UUID.randomUUID(), NOW)).isInstanceOf(ConflictException.class)
			.hasMessage("This quote has already been turned into an order.");
	}

	@Test
	void cannotBeOrderedOnceExpired() {
		assertThatThrownBy(() -> quote.ordered(UUID.randomUUID(), NOW.plus(Duration.ofDays(31))))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("This quote expired on 2026-02-09. Request a new quote to see current prices.");
		assertThat(quote.orderId()).isNull();
	}


	@Test
	void aPercentageDiscountIsTakenFromTheListAmountToTheCentAndAnAmountNeverGoesBelowZero() {
		QuoteLine line = new QuoteLine("MRZ-SCANNER", "MRZ Scanner", LicenseType.ANNUAL, 3, 3, new BigDecimal("49.00"),
				new BigDecimal("147.00"));
		QuoteLine percent = line.lessPercent(new BigDecimal("12.5"));
		// 18.375 rounds half-even to its even neighbour 18.38, leaving 128.62
		assertThat(percent.discount()).isEqualByComparingTo("18.38");
		assertThat(percent.amount()).isEqualByComparingTo("128.62");
		assertThat(percent.listAmount()).isEqualByComparingTo("147.00");
		assertThat(line.lessPercent(new BigDecimal("100")).amount()).isEqualByComparingTo("0.00");
		assertThat(line.lessAmount(new BigDecimal("147.00")).amount()).isEqualByComparingTo("0.00");
		assertThat(line.canTakeOff(new BigDecimal("147.01"))).isFalse();
		assertThatThrownBy(() -> line.lessAmount(new BigDecimal("147.01"))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aSalesQuoteIsValidUntilTheEndOfItsLastDayAndSaysSoOnceExpired() {
		Instant endOfDay = Instant.parse("2026-01-31T00:00:00Z");
		Quote sales = Quote.sales(UUID.randomUUID(), "sales-1", "Sally Sales",
				List.of(new QuoteLine("MRZ-SCANNER", "MRZ Scanner", LicenseType.ANNUAL, 3, 3, new BigDecimal("49.00"),
						new BigDecimal("147.00")).lessPercent(BigDecimal.TEN)),
				"USD", NOW, endOfDay, "As agreed.");
		assertThat(sales.total().amount()).isEqualByComparingTo("132.30");
		assertThat(sales.kind()).isEqualTo(Quote.Kind.SALES);
		assertThat(sales.lastDay()).hasToString("2026-01-30");
		sales.assertOrderable(endOfDay.minusMillis(1));
		assertThatThrownBy(() -> sales.assertOrderable(endOfDay)).isInstanceOf(BusinessRuleException.class)
			.hasMessage("This quote was valid until 2026-01-30. Ask your sales contact for a new one.");
	}

}
