package org.customerportal.license;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.customerportal.platform.test.JsonSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sample order events the integration tests feed the service are checked against order-service's
 * schema; this shows the check is wired and would catch a sample that drifts from it.
 */
class OrderEventSamplesTest {

	@Test
	void samplePaidOrdersFollowOrderServicesSchemaAndADriftIsCaught() {
		Map<String, Object> paid = new HashMap<>(LicenseIntegrationTest.paidOrder(UUID.randomUUID(), UUID.randomUUID(),
				"NEW_PURCHASE", Instant.now(), List.of(LicenseIntegrationTest.customer("alice")),
				List.of(LicenseIntegrationTest.annual("BARCODE-READER", 2))));
		paid.put("eventId", UUID.randomUUID().toString());
		paid.put("occurredAt", Instant.now().toString());
		JsonMapper json = new JsonMapper();
		JsonSchemas.assertValidForProducer("order-service", "portal.order.paid.v1", json.valueToTree(paid));

		paid.remove("lines");
		assertThatThrownBy(
				() -> JsonSchemas.assertValidForProducer("order-service", "portal.order.paid.v1", json.valueToTree(paid)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("lines");
	}

}
