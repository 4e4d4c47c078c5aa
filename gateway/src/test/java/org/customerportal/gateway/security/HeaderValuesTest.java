package org.customerportal.gateway.security;

import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderValuesTest {

	private static final Predicate<String> SPRING_SECURITY_DEFAULT = StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES;

	@Test
	void decidesEveryCharacterOfTheBasicPlaneLikeSpringSecuritysDefault() {
		for (char c = 0; c < Character.MAX_VALUE; c++) {
			String value = "a" + c + "b";
			assertThat(HeaderValues.allowed(value)).as("U+%04X", (int) c).isEqualTo(SPRING_SECURITY_DEFAULT.test(value));
		}
	}

	@Test
	void decidesEveryCharacterOfAHeaderNameLikeSpringSecuritysDefault() {
		for (char c = 0; c < Character.MAX_VALUE; c++) {
			String name = "X-" + c + "-Name";
			assertThat(HeaderValues.allowedName(name)).as("U+%04X", (int) c)
				.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(name));
		}
		assertThat(HeaderValues.allowedName("X-Tab\there")).isFalse();
		assertThat(HeaderValues.allowedName("Authorization")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "text/html;\tq=0.9",
			"caf\u00e9 \uD83D\uDE00", "\uD83D", "x\uDE00y", "\uDB40\uDC80", "\uDB40\uDC01", "\u0378", "a\u0000b",
			"line\r\nInjected: yes", "\u007f", "\u0085", "\u2028" })
	void decidesLikeSpringSecuritysDefault(String value) {
		assertThat(HeaderValues.allowed(value)).isEqualTo(SPRING_SECURITY_DEFAULT.test(value));
	}

	@Test
	void letsAnAbsentHeaderPassLikeSpringSecuritysDefault() {
		assertThat(HeaderValues.allowed(null)).isTrue().isEqualTo(SPRING_SECURITY_DEFAULT.test(null));
	}

	@Test
	void refusesControlCharactersButTab() {
		assertThat(HeaderValues.allowed("Bearer abc\tdef")).isTrue();
		assertThat(HeaderValues.allowed("Bearer abc\ndef")).isFalse();
		assertThat(HeaderValues.allowed("Bearer abc\u0000")).isFalse();
		assertThat(HeaderValues.allowed("Bearer \u0378")).isFalse();
	}

}
