package org.customerportal.order;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

	@Test
	void keepsCentsWithBankersRounding() {
		assertThat(Money.of("0.125", "USD").amount()).isEqualByComparingTo("0.12");
		assertThat(Money.of("0.135", "USD").amount()).isEqualByComparingTo("0.14");
		assertThat(Money.of("10", "USD").amount().toPlainString()).isEqualTo("10.00");
	}

	@Test
	void multipliesAndAddsExactly() {
		Money unit = Money.of("499.80", "USD");
		assertThat(unit.times(3)).isEqualTo(Money.of("1499.40", "USD"));
		assertThat(unit.times(3).plus(Money.of("0.60", "USD"))).isEqualTo(Money.of("1500.00", "USD"));
	}

	@Test
	void refusesToAddDifferentCurrencies() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")));
	}

	@Test
	void isWrittenAsADecimalStringAndReadBack() {
		JsonMapper json = new JsonMapper();
		String written = json.writeValueAsString(new Money(new BigDecimal("1249"), "USD"));
		assertThat(written).isEqualTo("{\"amount\":\"1249.00\",\"currency\":\"USD\"}");
		assertThat(json.readValue(written, Money.class)).isEqualTo(Money.of("1249.00", "USD"));
	}

}
