package org.customerportal.platform.config;

import org.customerportal.platform.config.DevelopmentOnly.RefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DevelopmentOnlyTest {

	@ParameterizedTest
	@ValueSource(strings = { "local", "dev", "test" })
	void aDevelopmentProfileAllowsIt(String profile) {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("kubernetes", profile);

		assertThat(DevelopmentOnly.allowed(environment)).isTrue();
		assertThatCode(() -> DevelopmentOnly.require(environment, "The thing.", "Use another.")).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "prod", "production", "localhost" })
	void anyOtherProfileRefusesItSayingWhatAndWhatInstead(String profile) {
		MockEnvironment environment = new MockEnvironment();
		if (!profile.isEmpty()) {
			environment.setActiveProfiles(profile);
		}

		assertThat(DevelopmentOnly.allowed(environment)).isFalse();
		assertThatThrownBy(() -> DevelopmentOnly.require(environment, "The simulated thing moves nothing.",
				"Set thing.kind to a real one."))
			.isInstanceOf(RefusedException.class)
			.hasMessageStartingWith("The simulated thing moves nothing.")
			.hasMessageContaining("SPRING_PROFILES_ACTIVE=local")
			.hasMessageEndingWith("Set thing.kind to a real one.");
	}

	@Test
	void theStartUpReportSaysWhatToDo() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("prod");
		RefusedException refused = assertThrows(RefusedException.class,
				() -> DevelopmentOnly.require(environment, "The simulated thing moves nothing.", "Set thing.kind."));

		FailureAnalysis analysis = new DevelopmentOnlyFailureAnalyzer()
			.analyze(new IllegalStateException("Error creating bean", refused));

		assertThat(analysis.getDescription()).startsWith("The simulated thing moves nothing.");
		assertThat(analysis.getAction()).startsWith("Set thing.kind.").contains("SPRING_PROFILES_ACTIVE=local");
	}

}
