package org.customerportal.gateway.ratelimit;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class LicenseKeyInBodyTest {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void theKeyIsTakenAsLicenseServiceLooksItUp() {
		assertThat(key("{\"product\":\"P\",\"key\":\" abcd-1234 \",\"deviceId\":\"d\"}")).isEqualTo("ABCD-1234");
	}

	@Test
	void aKeyGivenTwiceCountsAsTheLastOneLikeTheServicesBinding() {
		assertThat(key("{\"key\":\"RANDOM-1\",\"nested\":{\"key\":\"X\"},\"key\":\"REAL-KEY\"}")).isEqualTo("REAL-KEY");
	}

	@Test
	void bodiesWithoutAStringKeyHaveNone() {
		assertThat(key("")).isNull();
		assertThat(key("[\"key\"]")).isNull();
		assertThat(key("{\"key\":42}")).isNull();
		assertThat(key("{\"key\":\"  \"}")).isNull();
		assertThat(key("{\"nested\":{\"key\":\"K\"}}")).isNull();
		assertThat(key("not json")).isNull();
	}

	@Test
	void aKeyBeforeBrokenJsonStillCounts() {
		assertThat(key("{\"key\":\"K-1\", oops")).isEqualTo("K-1");
	}

	private String key(String body) {
		return LicenseKeyInBody.key(body.getBytes(StandardCharsets.UTF_8), mapper);
	}

}
