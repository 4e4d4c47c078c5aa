package org.customerportal.e2e.security;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.customerportal.e2e.security.ApiDocuments.Operation;
import org.customerportal.e2e.security.ApiDocuments.Parameter;
import org.customerportal.e2e.security.ApiDocuments.Schema;
import org.customerportal.e2e.security.Expectations.Row;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Http;
import org.customerportal.e2e.support.Keycloak;
import org.customerportal.e2e.support.Reply;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to every operation of the four OpenAPI documents that takes parameters or a body, sent
 * through the gateway by a caller who may make the call: wrong types, missing required fields, huge
 * strings (within the gateway's size limit and beyond it), unicode with NUL, right-to-left marks and
 * emoji, negative and huge numbers, unknown enum values, broken JSON and the wrong content type. No
 * answer may be a 5xx, and every 4xx is a problem document.
 */
@EndToEndTest
@Order(11)
class MalformedInputJourneyTest {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Within the gateway's 1 MB limit, so the service itself has to refuse it. */
	private static final String HUGE = "x".repeat(100_000);

	/** Beyond it: the gateway refuses it. */
	private static final String BEYOND_LIMIT = "y".repeat(1_100_000);

	private static final List<String> ODD_STRINGS = List.of("", "   ", "nul\u0000byte", "\u202Egnp.exe\u202C 😀 ‮",
			"Ωmega ü ß 中文 \uD83D\uDE00", "'; drop table orders; --", "<script>alert(1)</script>", HUGE);

	private static final List<String> ODD_PATH_VALUES = List.of("not-a-uuid", "-1", "0", "nul\u0000byte",
			"\u202E😀", "x".repeat(300), "00000000-0000-0000-0000-000000000000");

	private final Requests requests = new Requests();

	private final List<String> wrong = new ArrayList<>();

	private final Map<Integer, Integer> byStatus = new TreeMap<>();

	@Test
	void noBadInputMakesAServiceFail() {
		Fixtures fixtures = Fixtures.get();
		Map<String, String> clocks = new LinkedHashMap<>();
		for (String clock : List.of("/api/licenses/test-clock", "/api/notifications/test-clock")) {
			clocks.put(clock, Keycloak.support().get(clock).expect(200).text("offset"));
		}
		int operations = 0;
		try {
			for (Operation operation : ApiDocuments.load()) {
				Row row = Expectations.rows().get(operation.key());
				assertThat(row).as("a row in Expectations for %s", operation).isNotNull();
				if (operation.parameters().isEmpty() && operation.requestBody().isEmpty()) {
					continue;
				}
				operations++;
				new Run(operation, row, fixtures).all();
			}
		}
		finally {
			// valid-looking mutations may have moved a test clock or renamed the contact: put them back, past
			// the rate limit the run has just used up
			clocks.forEach((clock, offset) -> requests
				.untilNotLimited("reset " + clock, () -> Keycloak.support().put(clock, Map.of("offset", offset)))
				.expect(200));
			requests.untilNotLimited("rename back",
					() -> fixtures.alice.call("PATCH", "/api/me", Map.of("name", fixtures.alice.name())))
				.expect(200);
		}
		System.out.printf("[e2e] malformed input: %d operations, %d requests sent, answers by status %s%n", operations,
				requests.sent.get(), byStatus);
		assertThat(wrong).as("answers to bad input that were a 5xx or a 4xx without a problem document").isEmpty();
	}

	/** The bad requests of one operation, each a small change of the valid request of its matrix row. */
	private final class Run {

		private final Operation operation;

		private final Caller caller;

		private final Map<String, String> headers;

		private final Map<String, String> pathValues;

		private final Map<String, String> query = new LinkedHashMap<>();

		private final JsonNode body;

		Run(Operation operation, Row row, Fixtures fixtures) {
			this.operation = operation;
			this.caller = row.authorized();
			this.headers = caller.headers(fixtures);
			this.pathValues = row.defaultPathValues(fixtures);
			query.putAll(row.queryValues(fixtures));
			Object valid = row.body.apply(fixtures, caller);
			this.body = valid == null ? NODES.objectNode() : Http.JSON.valueToTree(valid);
		}

		void all() {
			for (Parameter parameter : operation.parameters()) {
				if (parameter.in().equals("path")) {
					ODD_PATH_VALUES.forEach(value -> send(withPath(parameter.name(), value), json(body), "path " + parameter.name()));
				}
				else {
					for (String value : oddValues(parameter.schema(), false)) {
						Map<String, String> changed = new LinkedHashMap<>(query);
						changed.put(parameter.name(), value);
						send(Requests.target(operation.path(), pathValues, changed), json(body), "query " + parameter.name());
					}
					if (parameter.required()) {
						Map<String, String> without = new LinkedHashMap<>(query);
						without.remove(parameter.name());
						send(Requests.target(operation.path(), pathValues, without), json(body), "query " + parameter.name() + " missing");
					}
				}
			}
			if (operation.requestBody().isPresent()) {
				bodies(operation.requestBody().get());
			}
		}

		private void bodies(Schema schema) {
			String target = Requests.target(operation.path(), pathValues, query);
			for (String broken : List.of("{", "{\"", "[", "null", "[]", "\"text\"", "42", "{\"a\":}", "", "\u0000")) {
				send(target, "application/json", broken, "body " + abbreviate(broken));
			}
			send(target, "text/plain", json(body), "body as text/plain");
			send(target, "application/xml", "<order><id>1</id></order>", "body as XML");
			send(target, "application/x-www-form-urlencoded", "a=1&b=2", "body as a form");
			send(target, "application/json", "{\"padding\":\"" + BEYOND_LIMIT + "\"}", "body beyond the size limit");
			if (body.isObject()) {
				fields((ObjectNode) body, schema, "", target);
			}
		}

		/** Each field of the object missing, null and replaced by odd values; one level into arrays of objects. */
		private void fields(ObjectNode object, Schema schema, String prefix, String target) {
			ObjectNode root = (ObjectNode) body;
			for (Map.Entry<String, Schema> property : schema.properties().entrySet()) {
				String name = property.getKey();
				Schema field = property.getValue();
				send(target, changed(root, object, o -> o.remove(name)), "body " + prefix + name + " missing");
				send(target, changed(root, object, o -> o.putNull(name)), "body " + prefix + name + " null");
				for (JsonNode value : oddNodes(field)) {
					send(target, changed(root, object, o -> o.set(name, value)), "body " + prefix + name + " = " + abbreviate(value.toString()));
				}
				JsonNode current = object.get(name);
				if (field.type().equals("array") && current != null && current.isArray() && !current.isEmpty()
						&& current.get(0).isObject()) {
					fields((ObjectNode) current.get(0), field.items(), prefix + name + "[0].", target);
				}
			}
		}

		/** The root body with one change made to {@code object} (the root or a nested object), restored after. */
		private String changed(ObjectNode root, ObjectNode object, java.util.function.Consumer<ObjectNode> change) {
			ObjectNode saved = object.deepCopy();
			change.accept(object);
			String json = Http.JSON.writeValueAsString(root);
			object.removeAll();
			object.setAll(saved);
			return json;
		}

		private List<JsonNode> oddNodes(Schema field) {
			List<JsonNode> values = new ArrayList<>();
			oddValues(field, true).forEach(value -> values.add(NODES.stringNode(value)));
			values.add(NODES.numberNode(-1));
			values.add(NODES.numberNode(new BigInteger("99999999999999999999999999")));
			values.add(NODES.numberNode(1.5e308));
			values.add(NODES.booleanNode(true));
			values.add(NODES.objectNode().put("nested", "object"));
			ArrayNode array = NODES.arrayNode();
			array.addNull();
			array.add(12);
			array.add("\u0000");
			values.add(array);
			values.add(NODES.arrayNode());
			return values;
		}

		/** Odd text for a value of that schema: wrong types, negatives, unknown enum values, odd strings. */
		private List<String> oddValues(Schema schema, boolean inBody) {
			List<String> values = new ArrayList<>(List.of("abc", "-1", "0", "99999999999999999999999", "1.5", "true",
					"NOT_A_VALUE", "not-a-uuid", "2024-13-45"));
			if (inBody) {
				values.addAll(ODD_STRINGS);
			}
			else {
				// a URL has to fit the gateway's request line; the huge strings go in bodies
				values.addAll(List.of("", "nul\u0000byte", "\u202E😀", "Ωmega 中文", "x".repeat(3000)));
			}
			return values;
		}

		private String withPath(String name, String value) {
			Map<String, String> changed = new LinkedHashMap<>(pathValues);
			changed.put(name, value);
			return Requests.target(operation.path(), changed, query);
		}

		private void send(String target, String jsonBody, String what) {
			send(target, operation.requestBody().isPresent() ? "application/json" : null,
					operation.requestBody().isPresent() ? jsonBody : null, what);
		}

		private void send(String target, String contentType, String rawBody, String what) {
			// an over-sized body too: the gateway reads it to its end and answers 413, it does not reset the connection
			Reply reply = requests.raw(operation.method(), target, headers, contentType, rawBody);
			byStatus.merge(reply.status(), 1, Integer::sum);
			if (reply.status() >= 500) {
				wrong.add(operation.key() + " (" + what + ") by " + caller + ": " + reply);
			}
			else if (reply.status() >= 400 && !AuthorizationMatrixJourneyTest.isProblem(reply)) {
				wrong.add(operation.key() + " (" + what + ") by " + caller + ": a " + reply.status()
						+ " that is not a problem document: " + reply);
			}
		}

	}

	private static String json(JsonNode node) {
		return Http.JSON.writeValueAsString(node);
	}

	private static String abbreviate(String text) {
		String shown = text.replace("\u0000", "\\0");
		return shown.length() > 40 ? shown.substring(0, 40) + "…(" + text.length() + " chars)" : shown;
	}

}
