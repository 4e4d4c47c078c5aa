package org.customerportal.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a custom resource against the OpenAPI schema of its published CustomResourceDefinition
 * (vendored under src/test/resources/crds, see SOURCES.md). Stricter than the API server, which prunes
 * unknown fields silently: here a field the schema does not declare is an error, so a misspelt key
 * cannot pass.
 */
final class CrdSchemas {

	private static final JsonMapper JSON = new JsonMapper();

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

	private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

	private CrdSchemas() {
	}

	/** The violations of a resource (apiVersion group/version, kind) against its CRD file. */
	static List<String> violations(String crdResource, Map<String, Object> resource) {
		String apiVersion = (String) resource.get("apiVersion");
		String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
		Schema schema = SCHEMAS.computeIfAbsent(crdResource + " " + version + " " + resource.get("kind"),
				key -> load(crdResource, apiVersion, (String) resource.get("kind")));
		return schema.validate(JSON.valueToTree(resource)).stream().map(Error::toString).toList();
	}

	@SuppressWarnings("unchecked")
	private static Schema load(String crdResource, String apiVersion, String kind) {
		Map<String, Object> crd;
		try (var in = CrdSchemas.class.getResourceAsStream("/crds/" + crdResource)) {
			if (in == null) {
				throw new AssertionError("no vendored CRD " + crdResource);
			}
			// the realm's schema nests deeper than SnakeYAML's default limit
			org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
			options.setNestingDepthLimit(500);
			crd = new Yaml(options).load(in);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
		String group = (String) spec.get("group");
		String kindName = (String) ((Map<String, Object>) spec.get("names")).get("kind");
		if (!kindName.equals(kind) || !apiVersion.startsWith(group + "/")) {
			throw new AssertionError(crdResource + " defines " + group + " " + kindName + ", not " + apiVersion + " " + kind);
		}
		String version = apiVersion.substring(group.length() + 1);
		Map<String, Object> served = ((List<Map<String, Object>>) spec.get("versions")).stream()
			.filter(v -> version.equals(v.get("name")) && Boolean.TRUE.equals(v.get("served")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(crdResource + " serves no version " + version));
		Map<String, Object> openApi = (Map<String, Object>) ((Map<String, Object>) served.get("schema")).get("openAPIV3Schema");
		Map<String, Object> jsonSchema = toJsonSchema(openApi);
		// apiVersion, kind and metadata are the API server's; only spec is the operator's
		Map<String, Object> root = (Map<String, Object>) jsonSchema.computeIfAbsent("properties", k -> new LinkedHashMap<>());
		root.put("metadata", Map.of("type", "object"));
		root.put("apiVersion", Map.of("type", "string"));
		root.put("kind", Map.of("type", "string"));
		return REGISTRY.getSchema(JSON.valueToTree(jsonSchema));
	}

	/**
	 * Kubernetes' structural OpenAPI to JSON Schema draft 4: objects with declared properties accept no
	 * others (unless x-kubernetes-preserve-unknown-fields), int-or-string takes both, nullable takes null.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> toJsonSchema(Map<String, Object> node) {
		Map<String, Object> out = new LinkedHashMap<>();
		node.forEach((key, value) -> {
			if (key.equals("properties") && value instanceof Map<?, ?> properties) {
				Map<String, Object> converted = new LinkedHashMap<>();
				((Map<String, Object>) properties).forEach((name, schema) -> converted.put(name,
						toJsonSchema((Map<String, Object>) schema)));
				out.put(key, converted);
			}
			else if ((key.equals("items") || key.equals("additionalProperties")) && value instanceof Map<?, ?> schema) {
				out.put(key, toJsonSchema((Map<String, Object>) schema));
			}
			else if ((key.equals("anyOf") || key.equals("oneOf") || key.equals("allOf")) && value instanceof List<?> list) {
				List<Object> converted = new ArrayList<>();
				list.forEach(item -> converted.add(toJsonSchema((Map<String, Object>) item)));
				out.put(key, converted);
			}
			else if (!key.startsWith("x-kubernetes-") && !key.equals("nullable") && !key.equals("description")) {
				out.put(key, value);
			}
		});
		if (Boolean.TRUE.equals(node.get("x-kubernetes-int-or-string"))) {
			out.remove("type");
			out.remove("anyOf");
			out.put("type", List.of("integer", "string"));
		}
		if (Boolean.TRUE.equals(node.get("nullable")) && out.get("type") instanceof String type) {
			out.put("type", List.of(type, "null"));
		}
		if (out.containsKey("properties") && !out.containsKey("additionalProperties")
				&& !Boolean.TRUE.equals(node.get("x-kubernetes-preserve-unknown-fields"))) {
			out.put("additionalProperties", false);
		}
		return out;
	}

}
