package org.customerportal.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The chart rendered by Helm (in the JVM) with some values, every object parsed into its typed
 * Kubernetes model. Parsing is strict: an object of a kind no model knows, or with a field its model
 * does not have (a misspelt key, a key at the wrong level), fails the rendering.
 */
final class RenderedChart {

	static final String RELEASE = "portal";

	static final String NAMESPACE = "portal";

	/** Kubernetes version the chart is rendered for (Helm's default capabilities are older). */
	static final String KUBE_VERSION = "1.31.0";

	static final List<String> SERVICES = List.of("gateway", "account-service", "order-service", "license-service",
			"notification-service");

	/** The web portal: deployed like the services, but with its own management port and no Kafka. */
	static final String PORTAL = "portal-web";

	/** Everything the chart deploys: the services and the web portal. */
	static final List<String> COMPONENTS = java.util.stream.Stream.concat(SERVICES.stream(), java.util.stream.Stream.of(PORTAL))
		.toList();

	static final Path PRODUCTION_VALUES = Repository.path("deploy/helm/examples/values-production.yaml");

	static final Path MINIMAL_VALUES = Repository.path("deploy/helm/examples/values-minimal.yaml");

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private static final Map<String, RenderedChart> CACHE = new ConcurrentHashMap<>();

	private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

	static {
		SERIALIZATION.registerKubernetesResource(ServiceMonitor.class);
		SERIALIZATION.registerKubernetesResource(PrometheusRule.class);
		// the Kafka resources of deploy/operators/kafka, in Strimzi's own model
		SERIALIZATION.registerKubernetesResource(io.strimzi.api.kafka.model.kafka.Kafka.class);
		SERIALIZATION.registerKubernetesResource(io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class);
		SERIALIZATION.registerKubernetesResource(io.strimzi.api.kafka.model.topic.KafkaTopic.class);
		SERIALIZATION.registerKubernetesResource(io.strimzi.api.kafka.model.user.KafkaUser.class);
	}

	final String manifest;

	final List<HasMetadata> objects;

	private RenderedChart(String manifest, List<HasMetadata> objects) {
		this.manifest = manifest;
		this.objects = objects;
	}

	/**
	 * What an operator must choose because the chart has no default for it: the payment provider (and,
	 * for Stripe, the Secret with its keys).
	 */
	static final Map<String, String> CHOICES = Map.of("services.order-service.paymentProvider", "stripe",
			"services.order-service.stripe.existingSecret", "customer-portal-stripe");

	/** The chart's defaults with the {@link #CHOICES} an operator must make. */
	static RenderedChart defaults() {
		return with(Map.of());
	}

	static RenderedChart production() {
		return render(List.of(PRODUCTION_VALUES), Map.of());
	}

	static RenderedChart minimal() {
		return render(List.of(MINIMAL_VALUES), Map.of());
	}

	static RenderedChart named(String name) {
		return switch (name) {
			case "default" -> defaults();
			case "production" -> production();
			case "minimal" -> minimal();
			default -> throw new IllegalArgumentException(name);
		};
	}

	static RenderedChart withValues(Path valuesFile) {
		return render(List.of(valuesFile), Map.of());
	}

	/** The chart's defaults with the {@link #CHOICES} and these settings. */
	static RenderedChart with(Map<String, String> sets) {
		Map<String, String> all = new java.util.HashMap<>(CHOICES);
		all.putAll(sets);
		return render(List.of(), all);
	}

	static RenderedChart render(List<Path> valuesFiles, Map<String, String> sets) {
		String key = valuesFiles + " " + new java.util.TreeMap<>(sets);
		return CACHE.computeIfAbsent(key, k -> {
			String manifest = template(valuesFiles, sets);
			return new RenderedChart(manifest, parseStrictly(manifest));
		});
	}

	/** Runs {@code helm template}; Helm's refusal (schema, a failed check) comes out as an exception. */
	static String template(List<Path> valuesFiles, Map<String, String> sets) {
		TemplateCommand command = new Helm(chartWithVisibleHooks()).template()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withKubeVersion(KUBE_VERSION);
		valuesFiles.forEach(command::withValuesFile);
		new java.util.TreeMap<>(sets).forEach(command::set);
		return command.call().replace(HIDDEN_HOOK, HOOK);
	}

	private static final String HOOK = "\"helm.sh/hook\":";

	private static final String HIDDEN_HOOK = "\"customer-portal.test/hook\":";

	private static volatile Path hooksVisible;

	/**
	 * The chart with its hook annotation renamed: helm-java's template, unlike the helm CLI, returns the
	 * release manifest without the hooks (migration Jobs, the test pod); renamed there and back in the
	 * output, they are rendered and checked like every other object.
	 */
	private static synchronized Path chartWithVisibleHooks() {
		if (hooksVisible == null) {
			try {
				Path copy = java.nio.file.Files.createTempDirectory("chart-with-hooks");
				Path chart = Repository.chart();
				try (var files = java.nio.file.Files.walk(chart)) {
					for (Path file : files.toList()) {
						Path target = copy.resolve(chart.relativize(file).toString());
						if (java.nio.file.Files.isDirectory(file)) {
							java.nio.file.Files.createDirectories(target);
						}
						else {
							String content = java.nio.file.Files.readString(file);
							java.nio.file.Files.writeString(target, content.replace(HOOK, HIDDEN_HOOK));
						}
					}
				}
				hooksVisible = copy;
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		return hooksVisible;
	}

	static List<HasMetadata> parseStrictly(String manifest) {
		List<HasMetadata> parsed = new ArrayList<>();
		for (String document : DOCUMENT_SEPARATOR.split(manifest)) {
			if (document.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
				continue;
			}
			KubernetesResource resource = SERIALIZATION.unmarshal(document, KubernetesResource.class);
			if (resource instanceof GenericKubernetesResource generic) {
				throw new AssertionError("unknown kind " + generic.getApiVersion() + "/" + generic.getKind()
						+ " in:\n" + document);
			}
			if (!(resource instanceof HasMetadata object)) {
				throw new AssertionError("not a Kubernetes object:\n" + document);
			}
			List<String> unknown = new ArrayList<>();
			collectUnknownFields(object, object.getKind(), unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
			if (!unknown.isEmpty()) {
				throw new AssertionError("fields unknown to the " + object.getKind() + " model: " + unknown
						+ " in:\n" + document);
			}
			parsed.add(object);
		}
		return List.copyOf(parsed);
	}

	/** Walks the typed model and reports every non-empty additionalProperties map with its path. */
	private static void collectUnknownFields(Object node, String path, List<String> unknown, Set<Object> seen) {
		if (node == null || !seen.add(node)) {
			return;
		}
		if (node instanceof Collection<?> collection) {
			int i = 0;
			for (Object item : collection) {
				collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
			}
			return;
		}
		if (node instanceof Map<?, ?> map) {
			map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, unknown, seen));
			return;
		}
		String type = node.getClass().getName();
		if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.") && !type.startsWith("org.customerportal.")) {
			return;
		}
		for (Method getter : node.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object value;
			try {
				value = getter.invoke(node);
			}
			catch (ReflectiveOperationException ex) {
				continue;
			}
			if (getter.getName().equals("getAdditionalProperties")) {
				if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
					unknown.add(path + " " + extra.keySet());
				}
				continue;
			}
			String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
			collectUnknownFields(value, path + "." + field, unknown, seen);
		}
	}

	<T extends HasMetadata> List<T> all(Class<T> kind) {
		return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	<T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
		return all(kind).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
	}

	<T extends HasMetadata> T get(Class<T> kind, String name) {
		return find(kind, name)
			.orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " named " + name + " rendered"));
	}

	/** Name of a service's objects in the test release. */
	static String objectName(String service) {
		return RELEASE + "-customer-portal-" + service;
	}

	Deployment deployment(String service) {
		return get(Deployment.class, objectName(service));
	}

	static Container container(Deployment deployment) {
		List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
		if (containers.size() != 1) {
			throw new AssertionError(deployment.getMetadata().getName() + " has " + containers.size() + " containers");
		}
		return containers.get(0);
	}

	/** The container's environment by name (the last entry wins, as in Kubernetes). */
	static Map<String, EnvVar> env(Deployment deployment) {
		Map<String, EnvVar> env = new LinkedHashMap<>();
		for (EnvVar var : container(deployment).getEnv()) {
			env.put(var.getName(), var);
		}
		return env;
	}

	/** True when every selector entry is among the labels. */
	static boolean selects(Map<String, String> selector, Map<String, String> labels) {
		return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
	}

}
