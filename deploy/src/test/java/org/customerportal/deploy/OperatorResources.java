package org.customerportal.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.yaml.snakeyaml.Yaml;

/**
 * The infrastructure resources of {@code deploy/operators/} (Strimzi, CloudNativePG, the Keycloak
 * operator) as an operator applies them: each file's kustomization, every document of it.
 */
final class OperatorResources {

	static final Path ROOT = Repository.path("deploy/operators");

	static final Path CHART_VALUES = ROOT.resolve("values-operators.yaml");

	private OperatorResources() {
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The files a folder's kustomization.yaml applies, in its order. */
	@SuppressWarnings("unchecked")
	static List<Path> kustomized(String folder) {
		Map<String, Object> kustomization = new Yaml().load(read(ROOT.resolve(folder).resolve("kustomization.yaml")));
		return ((List<String>) kustomization.get("resources")).stream().map(ROOT.resolve(folder)::resolve).toList();
	}

	/** Every document of a folder's kustomization, as plain maps. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> documents(String folder) {
		List<Map<String, Object>> all = new ArrayList<>();
		for (Path file : kustomized(folder)) {
			for (Object document : new Yaml().loadAll(read(file))) {
				if (document != null) {
					all.add((Map<String, Object>) document);
				}
			}
		}
		return all;
	}

	static List<Map<String, Object>> ofKind(String folder, String kind) {
		return documents(folder).stream().filter(d -> kind.equals(d.get("kind"))).toList();
	}

	static Map<String, Object> single(String folder, String kind) {
		List<Map<String, Object>> found = ofKind(folder, kind);
		if (found.size() != 1) {
			throw new AssertionError("expected one " + kind + " in deploy/operators/" + folder + ", found " + found.size());
		}
		return found.get(0);
	}

	/** Every document of a folder's kustomization in its typed model; unknown kinds and fields fail. */
	static List<HasMetadata> typed(String folder) {
		List<HasMetadata> all = new ArrayList<>();
		for (Path file : kustomized(folder)) {
			all.addAll(RenderedChart.parseStrictly(read(file)));
		}
		return all;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Map<String, Object> node, String... path) {
		Map<String, Object> current = node;
		for (String key : path) {
			Object next = current.get(key);
			if (!(next instanceof Map)) {
				throw new AssertionError("no " + String.join(".", path) + " in " + node);
			}
			current = (Map<String, Object>) next;
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Map<String, Object> node, String... path) {
		Map<String, Object> parent = map(node, java.util.Arrays.copyOf(path, path.length - 1));
		Object value = parent.get(path[path.length - 1]);
		return value == null ? List.of() : (List<Map<String, Object>>) value;
	}

	static String name(Map<String, Object> resource) {
		return (String) map(resource, "metadata").get("name");
	}

	/** The chart values of values-operators.yaml, a dotted path into them. */
	@SuppressWarnings("unchecked")
	static Object chartValue(String dottedPath) {
		Object node = new Yaml().load(read(CHART_VALUES));
		for (String key : dottedPath.split("\\.")) {
			if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
				throw new AssertionError("values-operators.yaml has no " + dottedPath);
			}
			node = ((Map<String, Object>) map).get(key);
		}
		return node;
	}

}
