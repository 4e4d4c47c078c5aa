package org.customerportal.platform.problem;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NulCharactersTest {

	record Line(String product, int quota) {
	}

	record Quote(String name, List<Line> lines, List<String> tags) {
	}

	JsonMapper mapper = JsonMapper.builder().addModule(NulCharacters.jacksonModule()).build();

	@Test
	void aStringWithNulIsRefusedNamingItsField() {
		assertThatExceptionOfType(NulCharacters.Refused.class)
			.isThrownBy(() -> mapper.readValue("{\"name\":\"nul\\u0000byte\"}", Quote.class))
			.satisfies(ex -> assertThat(ex.getPathReference()).contains("name"));
	}

	@Test
	void nestedStringsAndListsOfStringsAreCheckedToo() {
		assertThatExceptionOfType(NulCharacters.Refused.class)
			.isThrownBy(() -> mapper.readValue("{\"lines\":[{\"product\":\"\\u0000\",\"quota\":1}]}", Quote.class))
			.satisfies(ex -> assertThat(ex.getPathReference()).contains("lines").contains("product"));
		assertThatExceptionOfType(NulCharacters.Refused.class)
			.isThrownBy(() -> mapper.readValue("{\"tags\":[\"ok\",\"a\\u0000\"]}", Quote.class));
	}

	@Test
	void otherUnicodeTextPassesUnchanged() {
		Quote quote = mapper.readValue(
				"{\"name\":\"Ωmega 中文 \\u202Egnp 😀\",\"lines\":[{\"product\":\"\",\"quota\":1}],\"tags\":[\"x\"]}",
				Quote.class);
		assertThat(quote.name()).isEqualTo("Ωmega 中文 \u202Egnp 😀");
		assertThat(quote.lines().get(0).product()).isEmpty();
		assertThat(quote.tags()).containsExactly("x");
	}

}
