package org.customerportal.platform.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.StringUtils;

/**
 * The service's AsyncAPI documents ({@code classpath:asyncapi/*.yaml}) made self-contained once, at
 * start-up: in the repository they refer to the events' JSON Schemas beside them
 * ({@code ../events/order.paid.v1.schema.json}), which a reader who downloads only the document cannot
 * follow. Each such schema is copied into {@code components.schemas} under its file name
 * ({@code order.paid.v1}), its own {@code #/$defs/…} references rewritten to point into that copy.
 * A reference that does not resolve stops the start, so a broken document is never served.
 */
public final class AsyncApiBundles {

	static final String LOCATION = "asyncapi/";

	private static final String SCHEMA_SUFFIX = ".schema.json";

	private static final JsonMapper JSON = new JsonMapper();

	private final Map<String, String> documents;

	private AsyncApiBundles(Map<String, String> documents) {
		this.documents = documents;
	}

	/** Bundles every AsyncAPI document of the class path; none is fine (a service that publishes nothing). */
	public static AsyncApiBundles fromClassPath() {
		Map<String, String> documents = new TreeMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + LOCATION + "*.yaml")) {
				String file = resource.getFilename();
				if (file != null && !documents.containsKey(file)) {
					documents.put(file, bundle(LOCATION + file));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new AsyncApiBundles(documents);
	}

	/** The file names, e.g. {@code order-events.yaml}. */
	public List<String> names() {
		return List.copyOf(documents.keySet());
	}

	/** The bundled document as YAML. */
	public Optional<String> document(String name) {
		return Optional.ofNullable(documents.get(name));
	}

	/** Bundles one document of the class path, e.g. {@code asyncapi/order-events.yaml}. */
	@SuppressWarnings("unchecked")
	static String bundle(String location) {
		Map<String, Object> inlined = new LinkedHashMap<>();
		Map<String, Object> bundled = (Map<String, Object>) resolve(read(location), location, "#", inlined);
		Map<String, Object> components = (Map<String, Object>) bundled.computeIfAbsent("components",
				key -> new LinkedHashMap<>());
		Map<String, Object> schemas = (Map<String, Object>) components.computeIfAbsent("schemas",
				key -> new LinkedHashMap<>());
		inlined.forEach((key, schema) -> {
			if (schemas.containsKey(key)) {
				throw new IllegalStateException(location + ": components.schemas." + key + " exists already");
			}
			schemas.put(key, schema);
		});
		return yaml().dump(bundled);
	}

	/**
	 * Copies a tree, replacing references to other files by references into {@code components.schemas}
	 * (inlining those files on the way) and references within an inlined file ({@code #/…}) by
	 * references into its copy ({@code base}).
	 */
	@SuppressWarnings("unchecked")
	private static Object resolve(Object node, String location, String base, Map<String, Object> inlined) {
		if (node instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			((Map<String, Object>) map).forEach((key, value) -> {
				if (key.equals("$ref") && value instanceof String ref) {
					copy.put(key, reference(ref, location, base, inlined));
				}
				else {
					copy.put(key, resolve(value, location, base, inlined));
				}
			});
			return copy;
		}
		if (node instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach(item -> copy.add(resolve(item, location, base, inlined)));
			return copy;
		}
		return node;
	}

	private static String reference(String ref, String location, String base, Map<String, Object> inlined) {
		if (ref.startsWith("#")) {
			return base + ref.substring(1);
		}
		int hash = ref.indexOf('#');
		String file = hash < 0 ? ref : ref.substring(0, hash);
		String fragment = hash < 0 ? "" : ref.substring(hash + 1);
		String target = StringUtils.cleanPath(StringUtils.applyRelativePath(location, file));
		String name = StringUtils.getFilename(target);
		String key = name.endsWith(SCHEMA_SUFFIX) ? name.substring(0, name.length() - SCHEMA_SUFFIX.length()) : name;
		String pointer = "#/components/schemas/" + key;
		if (!inlined.containsKey(key)) {
			inlined.put(key, Map.of()); // a schema that refers to itself through its file name stops here
			@SuppressWarnings("unchecked")
			Map<String, Object> schema = (Map<String, Object>) resolve(read(target), target, pointer, inlined);
			// the copy is part of the document now: its own $id would make "#/…" point into it again
			schema.remove("$schema");
			schema.remove("$id");
			inlined.put(key, schema);
		}
		return pointer + fragment;
	}

	private static Object read(String location) {
		ClassPathResource resource = new ClassPathResource(location);
		if (!resource.exists()) {
			throw new IllegalStateException("AsyncAPI document refers to " + location + ", which does not exist");
		}
		try (InputStream in = resource.getInputStream()) {
			return location.endsWith(".json") ? JSON.readValue(in, Map.class)
					: new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Block style, and descriptions of several lines as literal blocks, as in the source documents. */
	private static Yaml yaml() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setWidth(120);
		Representer representer = new Representer(options) {
			{
				Represent plain = this.representers.get(String.class);
				this.representers.put(String.class, data -> ((String) data).contains("\n")
						? representScalar(Tag.STR, (String) data, DumperOptions.ScalarStyle.LITERAL) : plain.representData(data));
			}
		};
		return new Yaml(representer, options);
	}

}
