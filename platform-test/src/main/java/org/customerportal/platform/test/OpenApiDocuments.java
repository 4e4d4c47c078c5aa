package org.customerportal.platform.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Checks an OpenAPI document as a client team's tooling would: valid for swagger-parser, and free of
 * what Spectral's {@code oas} ruleset warns about. Spectral is a Node tool; its rules are written out
 * here, each violation named by the Spectral rule it stands for (docs/api-documents.md lists them),
 * plus a few of the portal's own: a summary per operation, no global tag that no operation uses.
 */
public final class OpenApiDocuments {

	private static final JsonMapper JSON = new JsonMapper();

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
			"trace");

	private static final Set<String> COMPONENT_KINDS = Set.of("schemas", "responses", "parameters", "examples",
			"requestBodies", "headers", "links", "callbacks");

	/** Spectral's operation-operationId-valid-in-url: the characters RFC 3986 allows. */
	private static final Pattern URL_SAFE = Pattern.compile("^[A-Za-z0-9-._~:/?#\\[\\]@!$&'()*+,;=]*$");

	private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]*)}");

	private OpenApiDocuments() {
	}

	/**
	 * Fetches a service's {@code /v3/api-docs} without a token, as the gateway does, and checks it as a
	 * client team would: no {@link #violations}, the service's own title, the project's version (the
	 * build's {@code META-INF/build-info.properties}), the platform's "Calling the API" section, and links
	 * to exactly the given AsyncAPI documents, each served self-contained
	 * ({@link AsyncApiDocuments#assertServedSelfContained}).
	 * @param asyncApiDocuments the file names under the service's {@code src/main/resources/asyncapi/}
	 */
	public static void assertFitForOutsideReaders(MockMvc mvc, String title, String... asyncApiDocuments)
			throws Exception {
		String json = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		assertThat(violations(json)).as("problems of the OpenAPI document").isEmpty();
		JsonNode document = JSON.readTree(json);
		assertThat(document.at("/info/title").asString()).isEqualTo(title);
		Properties build = new Properties();
		try (InputStream in = OpenApiDocuments.class.getResourceAsStream("/META-INF/build-info.properties")) {
			assertThat(in).as("META-INF/build-info.properties (spring-boot-maven-plugin's build-info goal)").isNotNull();
			build.load(in);
		}
		assertThat(document.at("/info/version").asString()).isEqualTo(build.getProperty("build.version"));
		String description = document.at("/info/description").asString();
		assertThat(description).contains("## Calling the API", "application/problem+json");
		List<String> linked = new ArrayList<>();
		Matcher links = Pattern.compile("\\(/asyncapi/([^)]+)\\)").matcher(description);
		while (links.find()) {
			linked.add(links.group(1));
		}
		assertThat(linked).as("AsyncAPI documents linked").containsExactlyInAnyOrder(asyncApiDocuments);
		for (String name : asyncApiDocuments) {
			AsyncApiDocuments.assertServedSelfContained(mvc, Path.of("src/main/resources"), name);
		}
	}

	/** Every problem found, {@code "<rule> <where>: <what>"}; empty for a document fit for outside readers. */
	public static List<String> violations(String json) {
		List<String> violations = new ArrayList<>(parserMessages(json));
		JsonNode document = JSON.readTree(json);
		BiConsumer<String, String> report = (rule, what) -> violations.add(rule + " " + what);
		info(document, report);
		servers(document, report);
		Set<String> usedTags = operations(document, report);
		tags(document, usedTags, report);
		markdown(document, "$", report);
		schemas(document, "$", report);
		unusedComponents(document, json, report);
		return violations;
	}

	/** What swagger-parser reports reading the document: its structural validation (Spectral's oas3-schema). */
	static List<String> parserMessages(String json) {
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		SwaggerParseResult result = new OpenAPIParser().readContents(json, null, options);
		List<String> messages = new ArrayList<>();
		if (result.getOpenAPI() == null) {
			messages.add("oas3-schema $: swagger-parser could not read the document");
		}
		if (result.getMessages() != null) {
			result.getMessages().forEach(message -> messages.add("oas3-schema (swagger-parser) " + message));
		}
		return messages;
	}

	private static void info(JsonNode document, BiConsumer<String, String> report) {
		JsonNode info = document.path("info");
		if (blank(info.path("title"))) {
			report.accept("oas3-schema", "$.info.title: missing");
		}
		if (blank(info.path("version"))) {
			report.accept("oas3-schema", "$.info.version: missing");
		}
		if (blank(info.path("description"))) {
			report.accept("info-description", "$.info.description: missing or empty");
		}
		if (!info.path("contact").isObject() || info.path("contact").isEmpty()) {
			report.accept("info-contact", "$.info.contact: missing");
		}
		if (blank(info.path("license").path("name"))) {
			report.accept("info-license", "$.info.license: missing");
		}
		else if (blank(info.path("license").path("url")) && blank(info.path("license").path("identifier"))) {
			report.accept("license-url", "$.info.license.url: missing");
		}
	}

	private static void servers(JsonNode document, BiConsumer<String, String> report) {
		JsonNode servers = document.path("servers");
		if (!servers.isArray() || servers.isEmpty()) {
			report.accept("oas3-api-servers", "$.servers: missing or empty");
			return;
		}
		int index = 0;
		for (JsonNode server : servers) {
			String where = "$.servers[" + index++ + "]";
			String url = server.path("url").asString("");
			if (url.isBlank()) {
				report.accept("oas3-api-servers", where + ".url: missing");
			}
			if (url.matches(".*./$")) {
				report.accept("oas3-server-trailing-slash", where + ".url: " + url + " ends with a slash");
			}
			Set<String> used = new HashSet<>();
			Matcher variables = PATH_PARAMETER.matcher(url);
			while (variables.find()) {
				used.add(variables.group(1));
			}
			Set<String> defined = server.path("variables").isObject()
					? new HashSet<>(server.path("variables").propertyNames()) : Set.of();
			if (!used.equals(defined)) {
				report.accept("oas3-server-variables", where + ": variables used " + used + ", defined " + defined);
			}
		}
	}

	/** Checks every operation; answers the tags they use. */
	private static Set<String> operations(JsonNode document, BiConsumer<String, String> report) {
		Set<String> globalTags = new HashSet<>();
		document.path("tags").forEach(tag -> globalTags.add(tag.path("name").asString("")));
		Set<String> schemes = document.path("components").path("securitySchemes").isObject()
				? new HashSet<>(document.path("components").path("securitySchemes").propertyNames()) : Set.of();
		security(document.path("security"), "$.security", schemes, report);
		Map<String, String> operationIds = new HashMap<>();
		Set<String> usedTags = new LinkedHashSet<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			String key = path.getKey();
			if (key.length() > 1 && key.endsWith("/")) {
				report.accept("path-keys-no-trailing-slash", key + ": ends with a slash");
			}
			if (key.contains("?")) {
				report.accept("path-not-include-query", key + ": has a query");
			}
			if (key.contains("{}")) {
				report.accept("path-declarations-must-exist", key + ": has an empty parameter {}");
			}
			Set<String> inPath = new HashSet<>();
			Matcher parameters = PATH_PARAMETER.matcher(key);
			while (parameters.find()) {
				inPath.add(parameters.group(1));
			}
			for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
				if (!METHODS.contains(entry.getKey())) {
					continue;
				}
				String where = entry.getKey().toUpperCase() + " " + key;
				JsonNode operation = entry.getValue();
				if (blank(operation.path("summary"))) {
					report.accept("operation-summary", where + ": no summary");
				}
				if (blank(operation.path("description"))) {
					report.accept("operation-description", where + ": no description");
				}
				String operationId = operation.path("operationId").asString("");
				if (operationId.isBlank()) {
					report.accept("operation-operationId", where + ": no operationId");
				}
				else {
					String other = operationIds.putIfAbsent(operationId, where);
					if (other != null) {
						report.accept("operation-operationId-unique", where + ": operationId " + operationId
								+ " is also " + other + "'s");
					}
					if (!URL_SAFE.matcher(operationId).matches()) {
						report.accept("operation-operationId-valid-in-url", where + ": operationId " + operationId);
					}
				}
				JsonNode tags = operation.path("tags");
				if (!tags.isArray() || tags.isEmpty()) {
					report.accept("operation-tags", where + ": no tags");
				}
				tags.forEach(tag -> {
					usedTags.add(tag.asString());
					if (!globalTags.contains(tag.asString())) {
						report.accept("operation-tag-defined", where + ": tag " + tag.asString() + " is not defined globally");
					}
				});
				Set<String> declared = new HashSet<>();
				Set<String> pathParameters = new HashSet<>();
				List<JsonNode> all = new ArrayList<>();
				path.getValue().path("parameters").forEach(all::add);
				operation.path("parameters").forEach(all::add);
				for (JsonNode parameter : operation.path("parameters")) {
					if (!declared.add(parameter.path("in").asString() + ":" + parameter.path("name").asString())) {
						report.accept("operation-parameters", where + ": parameter " + parameter.path("name").asString()
								+ " twice");
					}
				}
				all.stream()
					.filter(parameter -> parameter.path("in").asString("").equals("path"))
					.forEach(parameter -> pathParameters.add(parameter.path("name").asString()));
				if (!pathParameters.equals(inPath)) {
					report.accept("path-params", where + ": path has " + inPath + ", parameters declare " + pathParameters);
				}
				boolean success = false;
				for (String status : operation.path("responses").propertyNames()) {
					success |= status.startsWith("2") || status.startsWith("3");
				}
				if (!success) {
					report.accept("operation-success-response", where + ": no 2xx or 3xx response");
				}
				security(operation.path("security"), where + " security", schemes, report);
				if (operation.has("callbacks")) {
					operation.path("callbacks").forEach(callback -> callback.forEach(item -> item.forEach(nested -> {
						if (nested.isObject() && nested.has("callbacks")) {
							report.accept("oas3_callbacks_in_callbacks", where + ": a callback within a callback");
						}
					})));
				}
			}
		}
		document.path("webhooks").properties().forEach(webhook -> {
			if (webhook.getValue().has("servers")) {
				report.accept("oas3_1-servers-in-webhook", "webhook " + webhook.getKey());
			}
			webhook.getValue().forEach(operation -> {
				if (operation.isObject() && operation.has("servers")) {
					report.accept("oas3_1-servers-in-webhook", "webhook " + webhook.getKey());
				}
				if (operation.isObject() && operation.has("callbacks")) {
					report.accept("oas3_1-callbacks-in-webhook", "webhook " + webhook.getKey());
				}
			});
		});
		return usedTags;
	}

	private static void security(JsonNode requirements, String where, Set<String> schemes,
			BiConsumer<String, String> report) {
		requirements.forEach(requirement -> requirement.propertyNames().forEach(name -> {
			if (!schemes.contains(name)) {
				report.accept("oas3-operation-security-defined", where + ": scheme " + name + " is not defined");
			}
		}));
	}

	private static void tags(JsonNode document, Set<String> usedTags, BiConsumer<String, String> report) {
		JsonNode tags = document.path("tags");
		if (!tags.isArray() || tags.isEmpty()) {
			report.accept("openapi-tags", "$.tags: missing or empty");
			return;
		}
		Set<String> names = new HashSet<>();
		String previous = "";
		for (JsonNode tag : tags) {
			String name = tag.path("name").asString("");
			if (!names.add(name)) {
				report.accept("openapi-tags-uniqueness", "$.tags: " + name + " twice");
			}
			if (blank(tag.path("description"))) {
				report.accept("tag-description", "$.tags: " + name + " has no description");
			}
			if (name.compareTo(previous) < 0) {
				report.accept("openapi-tags-alphabetical", "$.tags: " + name + " after " + previous);
			}
			previous = name;
			if (!usedTags.contains(name)) {
				report.accept("unused-tag", "$.tags: no operation has the tag " + name);
			}
		}
	}

	/** Spectral's no-eval-in-markdown and no-script-tags-in-markdown: any title or description. */
	private static void markdown(JsonNode node, String where, BiConsumer<String, String> report) {
		if (node.isObject()) {
			node.properties().forEach(entry -> {
				JsonNode value = entry.getValue();
				if (value.isString() && (entry.getKey().equals("description") || entry.getKey().equals("title"))) {
					if (value.asString().contains("eval(")) {
						report.accept("no-eval-in-markdown", where + "." + entry.getKey());
					}
					if (value.asString().toLowerCase().contains("<script")) {
						report.accept("no-script-tags-in-markdown", where + "." + entry.getKey());
					}
				}
				markdown(value, where + "." + entry.getKey(), report);
			});
		}
		else if (node.isArray()) {
			int index = 0;
			for (JsonNode item : node) {
				markdown(item, where + "[" + index++ + "]", report);
			}
		}
	}

	/**
	 * Spectral's array-items, typed-enum, duplicated-entry-in-enum and
	 * oas3-examples-value-or-externalValue, wherever a schema or an example object is.
	 */
	private static void schemas(JsonNode node, String where, BiConsumer<String, String> report) {
		if (node.isObject()) {
			Set<String> types = new HashSet<>();
			if (node.path("type").isString()) {
				types.add(node.path("type").asString());
			}
			if (node.path("type").isArray()) {
				node.path("type").forEach(type -> types.add(type.asString("")));
			}
			if (types.contains("array") && !node.has("items") && !node.has("prefixItems")) {
				report.accept("array-items", where + ": an array without items");
			}
			if (node.path("enum").isArray()) {
				Set<JsonNode> seen = new HashSet<>();
				for (JsonNode value : node.path("enum")) {
					if (!seen.add(value)) {
						report.accept("duplicated-entry-in-enum", where + ": " + value + " twice");
					}
					if (!types.isEmpty() && !types.contains(jsonType(value))
							&& !(jsonType(value).equals("integer") && types.contains("number"))) {
						report.accept("typed-enum", where + ": " + value + " is not of type " + types);
					}
				}
			}
			if (node.has("value") && node.has("externalValue")) {
				report.accept("oas3-examples-value-or-externalValue", where);
			}
			node.properties().forEach(entry -> schemas(entry.getValue(), where + "." + entry.getKey(), report));
		}
		else if (node.isArray()) {
			int index = 0;
			for (JsonNode item : node) {
				schemas(item, where + "[" + index++ + "]", report);
			}
		}
	}

	private static String jsonType(JsonNode value) {
		if (value.isString()) {
			return "string";
		}
		if (value.isIntegralNumber()) {
			return "integer";
		}
		if (value.isNumber()) {
			return "number";
		}
		if (value.isBoolean()) {
			return "boolean";
		}
		if (value.isNull()) {
			return "null";
		}
		return value.isArray() ? "array" : "object";
	}

	/** Spectral's oas3-unused-component: a reusable component nothing refers to. */
	private static void unusedComponents(JsonNode document, String json, BiConsumer<String, String> report) {
		for (Map.Entry<String, JsonNode> kind : document.path("components").properties()) {
			if (!COMPONENT_KINDS.contains(kind.getKey())) {
				continue;
			}
			for (String name : kind.getValue().propertyNames()) {
				String reference = "\"#/components/" + kind.getKey() + "/" + name + "\"";
				if (!json.contains(reference)) {
					report.accept("oas3-unused-component", "$.components." + kind.getKey() + "." + name);
				}
			}
		}
	}

	private static boolean blank(JsonNode value) {
		return !value.isString() || value.asString().isBlank();
	}

}
