package org.customerportal.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * Who may do what on the portal's Kafka topics, derived from what the services actually do: the
 * topics each one writes ({@code portal.events.topics}: its own and the dead-letter topics of what it
 * consumes), the platform's topic owners, the topics and consumer groups of their
 * {@code @KafkaListener}s, and the Kafka client each one signs in with (the chart's values).
 */
final class KafkaAccess {

	/** One allowed operation; a name ending in {@code *} is a prefix (as in topics-and-acls.txt). */
	record Grant(String principal, String operation, String resource, String name) {

		@Override
		public String toString() {
			return principal + " " + operation + " " + resource + " " + name;
		}

	}

	/** What one service does with Kafka, as found in its configuration and sources. */
	record ServiceUse(String service, String clientId, Set<String> writes, Set<String> reads, Set<String> groups) {
	}

	/** The services that use Kafka: the ones with a Kafka client in the chart. */
	static final List<String> SERVICES = List.of("account-service", "order-service", "license-service",
			"notification-service");

	private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(([^)]*)\\)");

	private static final Pattern OWNER = Pattern.compile("portal\\.events\\.owners\\[(.+)]");

	private KafkaAccess() {
	}

	/** The platform's owner of each event topic (spring.application.name of its only producer). */
	static Map<String, String> owners() {
		Properties defaults = new Properties();
		try (var in = Files.newInputStream(Repository.path("platform/src/main/resources/portal-platform-defaults.properties"))) {
			defaults.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, String> owners = new LinkedHashMap<>();
		defaults.stringPropertyNames().stream().sorted().forEach(key -> {
			Matcher m = OWNER.matcher(key);
			if (m.matches()) {
				owners.put(m.group(1), defaults.getProperty(key));
			}
		});
		return owners;
	}

	@SuppressWarnings("unchecked")
	static ServiceUse use(String service) {
		Map<String, Object> config = new Yaml()
			.load(OperatorResources.read(Repository.path(service + "/src/main/resources/application.yml")));
		Map<String, Object> spring = (Map<String, Object>) config.get("spring");
		String application = (String) ((Map<String, Object>) spring.get("application")).get("name");
		Map<String, Object> kafka = (Map<String, Object>) spring.getOrDefault("kafka", Map.of());
		Map<String, Object> consumer = (Map<String, Object>) kafka.getOrDefault("consumer", Map.of());
		// the platform's default (spring.kafka.consumer.group-id=${spring.application.name}) unless overridden
		String defaultGroup = (String) consumer.getOrDefault("group-id", application);
		Map<String, Object> events = (Map<String, Object>) ((Map<String, Object>) config.get("portal")).get("events");
		Set<String> writes = new TreeSet<>((List<String>) events.get("topics"));

		Set<String> reads = new TreeSet<>();
		Set<String> groups = new TreeSet<>();
		Path sources = Repository.path(service + "/src/main/java");
		for (Path file : javaFiles(sources)) {
			String text = OperatorResources.read(file);
			Matcher listener = LISTENER.matcher(text);
			while (listener.find()) {
				String attributes = listener.group(1);
				for (String topic : attribute(attributes, "topics")) {
					reads.add(resolve(topic, file, sources));
				}
				List<String> groupId = attribute(attributes, "groupId");
				List<String> id = attribute(attributes, "id");
				// spring-kafka uses the listener id as the group id when no groupId is given (idIsGroup)
				String group = !groupId.isEmpty() ? resolve(groupId.get(0), file, sources)
						: !id.isEmpty() ? resolve(id.get(0), file, sources) : defaultGroup;
				groups.add(group);
			}
		}
		String clientId = (String) OperatorResources.map(new Yaml().load(OperatorResources.read(Repository.chart().resolve("values.yaml"))),
				"services", service, "kafka").get("clientId");
		return new ServiceUse(application, clientId, writes, reads, groups);
	}

	/**
	 * The grants each service needs: write what it publishes and the dead-letter topics of what it
	 * consumes, read what it consumes, read its consumer groups (by the prefix of its name, which every
	 * group of it carries).
	 */
	static Set<Grant> derivedServiceGrants() {
		Set<Grant> grants = new TreeSet<>(java.util.Comparator.comparing(Grant::toString));
		for (String service : SERVICES) {
			ServiceUse use = use(service);
			use.writes().forEach(t -> grants.add(new Grant(use.clientId(), "WRITE", "topic", t)));
			use.reads().forEach(t -> grants.add(new Grant(use.clientId(), "READ", "topic", t)));
			if (!use.groups().isEmpty()) {
				grants.add(new Grant(use.clientId(), "READ", "group", use.service() + "*"));
			}
		}
		return grants;
	}

	/** Every topic in use: the owned event topics and every dead-letter topic a service writes. */
	static Set<String> derivedTopics() {
		Set<String> topics = new TreeSet<>(owners().keySet());
		for (String service : SERVICES) {
			ServiceUse use = use(service);
			topics.addAll(use.writes());
			topics.addAll(use.reads());
		}
		return topics;
	}

	/** deploy/kafka/topics-and-acls.txt: the topics and grants the local run applies. */
	static Set<String> listedTopics() {
		Set<String> topics = new TreeSet<>();
		for (String[] words : listedLines()) {
			if (words[0].equals("topic")) {
				topics.add(words[1]);
			}
		}
		return topics;
	}

	static Set<Grant> listedGrants() {
		Set<Grant> grants = new TreeSet<>(java.util.Comparator.comparing(Grant::toString));
		for (String[] words : listedLines()) {
			if (words[0].equals("allow")) {
				grants.add(new Grant(words[1], words[2], words[3], words[4]));
			}
		}
		return grants;
	}

	private static List<String[]> listedLines() {
		return OperatorResources.read(Repository.path("deploy/kafka/topics-and-acls.txt"))
			.lines()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.map(line -> line.split("\\s+"))
			.toList();
	}

	/** The values of one annotation attribute: a single expression or an array {@code {a, b}}. */
	private static List<String> attribute(String attributes, String name) {
		Matcher m = Pattern.compile("(?<![A-Za-z])" + name + "\\s*=\\s*(\\{[^}]*}|[^,]+)").matcher(attributes);
		if (!m.find()) {
			return List.of();
		}
		String value = m.group(1).strip();
		if (value.startsWith("{")) {
			value = value.substring(1, value.length() - 1);
		}
		return Stream.of(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
	}

	/** A string literal, a constant of the same class or a {@code Type.CONSTANT} of the module. */
	private static String resolve(String expression, Path file, Path sources) {
		if (expression.startsWith("\"")) {
			return expression.substring(1, expression.lastIndexOf('"'));
		}
		String constant = expression;
		Path declaring = file;
		int dot = expression.lastIndexOf('.');
		if (dot >= 0) {
			String type = expression.substring(0, dot);
			type = type.substring(type.lastIndexOf('.') + 1);
			constant = expression.substring(dot + 1);
			String typeFile = type + ".java";
			declaring = javaFiles(sources).stream()
				.filter(f -> f.getFileName().toString().equals(typeFile))
				.findFirst()
				.orElseThrow(() -> new AssertionError("cannot find " + typeFile + " for " + expression + " in " + file));
		}
		Matcher m = Pattern.compile("\\b" + Pattern.quote(constant) + "\\s*=\\s*([^;]+);").matcher(OperatorResources.read(declaring));
		if (!m.find()) {
			throw new AssertionError("cannot resolve " + expression + " used in " + file);
		}
		return resolve(m.group(1).strip(), declaring, sources);
	}

	private static List<Path> javaFiles(Path sources) {
		try (Stream<Path> files = Files.walk(sources)) {
			return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
