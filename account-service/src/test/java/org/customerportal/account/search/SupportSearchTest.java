package org.customerportal.account.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SupportSearchTest {

	@Test
	void theQueryIsFoundAnywhereIgnoringCaseAndSurroundingBlanks() {
		assertThat(SupportSearch.pattern("  Acme ")).isEqualTo("%acme%");
	}

	@Test
	void wildcardsAndTheEscapeCharacterAreTakenLiterally() {
		assertThat(SupportSearch.pattern("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
	}

}
