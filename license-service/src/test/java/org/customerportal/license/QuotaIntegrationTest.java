package org.customerportal.license;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Devices use a licence's quota: one unit per device, never more than the quota, even when many devices
 * activate at the same moment.
 */
class QuotaIntegrationTest extends LicenseIntegrationTest {

	@Test
	void activatingIsIdempotentPerDeviceAndFreeingReturnsTheUnit() throws Exception {
		Person alice = customer("alice");
		JsonNode license = buy(organizationOf(alice), Instant.now(), annual("BARCODE-READER", 2), alice);
		String path = "/api/licenses/" + license.path("id").asString() + "/activations";

		JsonNode first = json(postJson(path, alice, Map.of("deviceId", "laptop-1")), 201);
		assertThat(first.path("quotaUsed").asInt()).isEqualTo(1);
		assertThat(json(postJson(path, alice, Map.of("deviceId", "laptop-1")), 200).path("quotaUsed").asInt())
			.isEqualTo(1);
		json(postJson(path, alice, Map.of("deviceId", "laptop-2")), 201);
		JsonNode full = problem(postJson(path, alice, Map.of("deviceId", "laptop-3")), 422);
		assertThat(full.path("detail").asString()).contains("All 2 units of this licence's quota are in use");

		assertThat(call(delete(path + "/laptop-1"), alice).getResponse().getStatus()).isEqualTo(204);
		json(postJson(path, alice, Map.of("deviceId", "laptop-3")), 201);
		JsonNode devices = json(call(get(path), alice), 200);
		assertThat(devices.path("items").valueStream().map(d -> d.path("deviceId").asString()).toList())
			.containsExactly("laptop-2", "laptop-3");
		assertThat(devices.path("totalItems").asLong()).isEqualTo(2);
		JsonNode secondPage = json(call(get(path).param("page", "1").param("size", "1"), alice), 200);
		assertThat(secondPage.path("items").valueStream().map(d -> d.path("deviceId").asString()).toList())
			.containsExactly("laptop-3");
		assertThat(secondPage.path("page").asInt()).isEqualTo(1);
		assertThat(secondPage.path("size").asInt()).isEqualTo(1);
		assertThat(secondPage.path("totalItems").asLong()).isEqualTo(2);
		assertThat(problem(call(get(path).param("size", "101"), alice), 400).path("errors").get(0).path("field")
			.asString()).isEqualTo("size");
		assertThat(problem(call(get(path).param("page", "-1"), alice), 400).path("errors").get(0).path("field")
			.asString()).isEqualTo("page");
		problem(call(get(path), customer("mallory")), 404);
		assertThat(json(call(get("/api/licenses/" + license.path("id").asString()), alice), 200).path("quotaUsed").asInt())
			.isEqualTo(2);

		problem(postJson(path, alice, Map.of("deviceId", "")), 400);
		problem(postJson(path, customer("mallory"), Map.of("deviceId", "x")), 404);
	}

	@Test
	void concurrentActivationsNeverExceedTheQuota() throws Exception {
		Person alice = customer("alice");
		int quota = 5;
		JsonNode license = buy(organizationOf(alice), Instant.now(), annual("BARCODE-READER", quota), alice);
		String id = license.path("id").asString();
		String key = license.path("key").asString();

		// 40 devices at once, half through the portal API and half through the products' validation call
		int devices = 40;
		List<Integer> api = new ArrayList<>();
		List<String> validation = new ArrayList<>();
		List<Callable<Object>> calls = new ArrayList<>();
		for (int i = 0; i < devices; i++) {
			String device = "device-" + i;
			if (i % 2 == 0) {
				calls.add(() -> http("/api/licenses/" + id + "/activations", alice,
						"{\"deviceId\":\"" + device + "\"}").statusCode());
			}
			else {
				calls.add(() -> JSON.readTree(http("/api/licenses/validate", null, "{\"key\":\"" + key
						+ "\",\"product\":\"BARCODE-READER\",\"deviceId\":\"" + device + "\"}").body()).path("code").asString());
			}
		}
		for (Object outcome : runTogether(calls)) {
			if (outcome instanceof Integer status) {
				api.add(status);
			}
			else {
				validation.add((String) outcome);
			}
		}
		long granted = api.stream().filter(s -> s == 201).count() + validation.stream().filter("VALID"::equals).count();
		assertThat(granted).isEqualTo(quota);
		assertThat(api).allMatch(s -> s == 201 || s == 422);
		assertThat(validation).allMatch(c -> c.equals("VALID") || c.equals("QUOTA_EXCEEDED"));
		JsonNode after = json(call(get("/api/licenses/" + id), alice), 200);
		assertThat(after.path("quotaUsed").asInt()).isEqualTo(quota);
		JsonNode devicesAfter = json(call(get("/api/licenses/" + id + "/activations").param("size", "100"), alice), 200);
		assertThat(devicesAfter.path("totalItems").asLong()).isEqualTo(quota);
		assertThat(devicesAfter.path("items").size()).isEqualTo(quota);
	}

	@Test
	void theSameDeviceActivatingConcurrentlyTakesOneUnit() throws Exception {
		Person alice = customer("alice");
		JsonNode license = buy(organizationOf(alice), Instant.now(), annual("BARCODE-READER", 3), alice);
		String id = license.path("id").asString();
		List<Callable<Object>> calls = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			calls.add(() -> http("/api/licenses/" + id + "/activations", alice, "{\"deviceId\":\"kiosk\"}").statusCode());
		}
		List<Object> statuses = runTogether(calls);
		assertThat(statuses.stream().filter(s -> s.equals(201)).count()).isEqualTo(1);
		assertThat(statuses).allMatch(s -> s.equals(201) || s.equals(200));
		assertThat(json(call(get("/api/licenses/" + id), alice), 200).path("quotaUsed").asInt()).isEqualTo(1);
	}

}
