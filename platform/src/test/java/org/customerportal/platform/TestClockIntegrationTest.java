package org.customerportal.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.customerportal.platform.test.PortalIntegrationTest;
import org.customerportal.platform.test.TestTokens;
import org.customerportal.platform.testapp.TestApplication;
import org.customerportal.platform.time.OffsetClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest(classes = TestApplication.class)
class TestClockIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	TestTokens tokens = TestTokens.get();

	@AfterEach
	void reset() {
		((OffsetClock) clock).reset();
	}

	@Test
	void supportMovesTheServiceClock() throws Exception {
		mvc.perform(put("/api/test-clock").header("Authorization", "Bearer " + tokens.support("s-1", "s@vendor.example"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"offset\": \"P30D\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.offset").value("PT720H"));

		assertThat(Duration.between(Instant.now(), clock.instant())).isBetween(Duration.ofDays(30).minusMinutes(1),
				Duration.ofDays(30).plusMinutes(1));
		mvc.perform(get("/api/test-clock").header("Authorization", "Bearer " + tokens.support("s-1", "s@vendor.example")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.offset").value("PT720H"));
	}

	@Test
	void customersCannotMoveIt() throws Exception {
		mvc.perform(put("/api/test-clock").header("Authorization", "Bearer " + tokens.customer("c-1", "c@example.com"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"offset\": \"P30D\"}")).andExpect(status().isForbidden());

		assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));
	}

	@Test
	void itTakesAnOffsetOrATimeNotBoth() throws Exception {
		mvc.perform(put("/api/test-clock").header("Authorization", "Bearer " + tokens.support("s-1", "s@vendor.example"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"offset\": \"P1D\", \"now\": \"2030-01-01T00:00:00Z\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Give either offset or now."));
	}

}
