package org.customerportal.license.certificate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTest {

	@Test
	void membersAreSortedByNameWithoutWhiteSpace() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("quota", 3);
		payload.put("expiresAt", null);
		payload.put("product", "BARCODE-READER");
		payload.put("formatVersion", 1);
		assertThat(CanonicalJson.write(payload))
			.isEqualTo("{\"expiresAt\":null,\"formatVersion\":1,\"product\":\"BARCODE-READER\",\"quota\":3}");
	}

	@Test
	void stringsAreEscapedAsJsonRequiresAndStillParse() {
		String tricky = "a\"b\\c\nd\u0001é";
		String json = CanonicalJson.write(Map.of("s", tricky));
		assertThat(json).isEqualTo("{\"s\":\"a\\\"b\\\\c\\nd\\u0001é\"}");
		assertThat(new JsonMapper().readTree(json).path("s").asString()).isEqualTo(tricky);
	}

}
