package org.customerportal.e2e.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.customerportal.e2e.support.Endpoints;
import org.customerportal.e2e.support.Http;

import tools.jackson.databind.JsonNode;

/**
 * The operations of the four services' OpenAPI documents, as the gateway serves them
 * ({@code /v3/api-docs/{account,order,license,notification}}): what the matrix and the malformed-input
 * run are generated from, so that a new endpoint cannot escape them.
 */
final class ApiDocuments {

	static final List<String> SERVICES = List.of("account", "order", "license", "notification");

	private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete", "head");

	private ApiDocuments() {
	}

	/** One operation of a document: e.g. {@code POST /api/orders/{orderId}/contacts} of order-service. */
	record Operation(String service, String method, String path, List<Parameter> parameters,
			Optional<Schema> requestBody, boolean bodyRequired) {

		String key() {
			return method + " " + path;
		}

		@Override
		public String toString() {
			return key();
		}

	}

	/** A path or query parameter. */
	record Parameter(String name, String in, boolean required, Schema schema) {

	}

	/** A schema with its references resolved against the document's components. */
	record Schema(JsonNode node, JsonNode components) {

		Schema resolve() {
			JsonNode ref = node.path("$ref");
			if (ref.isString()) {
				String name = ref.asString().substring(ref.asString().lastIndexOf('/') + 1);
				return new Schema(components.path("schemas").path(name), components).resolve();
			}
			return this;
		}

		/** The JSON type ({@code string}, {@code integer}, …), also when OpenAPI 3.1 gives a list with "null". */
		String type() {
			JsonNode type = resolve().node.path("type");
			if (type.isArray()) {
				for (JsonNode t : type) {
					if (!"null".equals(t.asString())) {
						return t.asString();
					}
				}
			}
			return type.isString() ? type.asString() : resolve().node.has("properties") ? "object" : "";
		}

		String format() {
			return resolve().node.path("format").asString("");
		}

		boolean isEnum() {
			return resolve().node.has("enum");
		}

		Map<String, Schema> properties() {
			Map<String, Schema> properties = new java.util.LinkedHashMap<>();
			resolve().node.path("properties")
				.properties()
				.forEach(e -> properties.put(e.getKey(), new Schema(e.getValue(), components)));
			return properties;
		}

		List<String> required() {
			List<String> required = new ArrayList<>();
			resolve().node.path("required").forEach(r -> required.add(r.asString()));
			return required;
		}

		Schema items() {
			return new Schema(resolve().node.path("items"), components);
		}

	}

	/** Every operation of the four documents, read through the gateway. */
	static List<Operation> load() {
		List<Operation> operations = new ArrayList<>();
		for (String service : SERVICES) {
			JsonNode document = Http.send("GET", URI.create(Endpoints.GATEWAY + "/v3/api-docs/" + service), Map.of(), null)
				.expect(200)
				.json();
			JsonNode components = document.path("components");
			document.path("paths").properties().forEach(path -> {
				for (String method : METHODS) {
					JsonNode operation = path.getValue().path(method);
					if (operation.isObject()) {
						operations.add(operation(service, method.toUpperCase(Locale.ROOT), path.getKey(), operation,
								path.getValue().path("parameters"), components));
					}
				}
			});
		}
		return operations;
	}

	private static Operation operation(String service, String method, String path, JsonNode operation,
			JsonNode pathLevelParameters, JsonNode components) {
		List<Parameter> parameters = new ArrayList<>();
		for (JsonNode source : List.of(pathLevelParameters, operation.path("parameters"))) {
			for (JsonNode parameter : source) {
				JsonNode resolved = new Schema(parameter, components).resolve().node();
				if (List.of("path", "query").contains(resolved.path("in").asString())) {
					parameters.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
							resolved.path("required").asBoolean(false),
							new Schema(resolved.path("schema"), components)));
				}
			}
		}
		JsonNode content = operation.path("requestBody").path("content");
		Optional<Schema> body = Optional.empty();
		if (content.isObject() && !content.isEmpty()) {
			JsonNode json = content.has("application/json") ? content.path("application/json")
					: content.properties().iterator().next().getValue();
			body = Optional.of(new Schema(json.path("schema"), components));
		}
		return new Operation(service, method, path, parameters, body,
				operation.path("requestBody").path("required").asBoolean(false));
	}

}
