package org.customerportal.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the tests of a topic's AsyncAPI document share: reading it, checking it against the official
 * AsyncAPI 3.0.0 JSON Schema (kept once, in this module), and the event types the service's code
 * publishes on the topic, to compare with what the document describes.
 */
public final class AsyncApiDocuments {

	private static final JsonMapper JSON = new JsonMapper();

	/** By name: the platform depends on this module for its tests, not the other way round. */
	private static final String PORTAL_EVENT = "org.customerportal.platform.events.PortalEvent";

	private AsyncApiDocuments() {
	}

	/** Reads a YAML (or JSON) AsyncAPI document. */
	public static JsonNode load(Path document) {
		try (InputStream in = Files.newInputStream(document)) {
			Map<String, Object> yaml = new Yaml().load(in);
			return JSON.valueToTree(yaml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Violations of the AsyncAPI 3.0.0 specification's schema; empty for a valid document. */
	public static List<String> violations(JsonNode document) {
		try (InputStream in = AsyncApiDocuments.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
			return validate(JSON.readTree(in), document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Checks a document against a schema in JSON Schema draft 7, the dialect of AsyncAPI 3.0. */
	public static List<String> validate(JsonNode schema, JsonNode document) {
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
			.getSchema(schema)
			.validate(document)
			.stream()
			.map(Error::toString)
			.toList();
	}

	/**
	 * Checks that a topic's document describes exactly the published event types: one message per type,
	 * keyed as {@code keyBinding} says, whose payload is a CloudEvent of that type with {@code data}
	 * pointing at the service's schema for it ({@code <resources>/events/…}); every schema file of the
	 * service is described, and the channel and the publishing operation list every message.
	 * @param resources the service's {@code src/main/resources}, where the document lives in {@code asyncapi/}
	 * @param keyBinding the message binding (key) each type must refer to
	 */
	public static void assertDescribesExactly(JsonNode document, Path resources, String channel, String operation,
			Set<String> published, Function<String, String> keyBinding) {
		JsonNode messages = document.at("/components/messages");
		Set<String> described = new TreeSet<>();
		for (String key : messages.propertyNames()) {
			JsonNode message = messages.get(key);
			String type = message.get("name").asString();
			described.add(type);
			assertThat(message.at("/bindings/$ref").asString()).as("key of %s", type)
				.isEqualTo("#/components/messageBindings/" + keyBinding.apply(type));
			JsonNode payload = document.at(message.at("/payload/$ref").asString().substring(1));
			assertThat(payload.at("/allOf/0/$ref").asString()).isEqualTo("#/components/schemas/CloudEvent");
			JsonNode typed = payload.at("/allOf/1/properties");
			assertThat(typed.at("/type/const").asString()).as("type of %s", key).isEqualTo(type);
			String schemaRef = typed.at("/data/$ref").asString();
			assertThat(schemaRef).isEqualTo("../events/" + type.replaceFirst("^portal\\.", "") + ".schema.json");
			Path schema = resources.resolve("asyncapi").resolve(schemaRef).normalize();
			assertThat(schema).exists();
			assertThat(load(schema).get("$id").asString()).as("$id of %s", schemaRef)
				.endsWith("/" + type.replaceFirst("^portal\\.", "") + ".schema.json");
		}
		assertThat(described).isEqualTo(published);
		// a service publishing on several topics keeps one document per topic, their schemas side by side
		try (Stream<Path> files = Files.list(resources.resolve("events"));
				Stream<Path> documents = Files.list(resources.resolve("asyncapi"))) {
			Set<String> schemas = files.map(file -> "portal." + file.getFileName().toString().replace(".schema.json", ""))
				.collect(Collectors.toCollection(TreeSet::new));
			Set<String> everyDocument = new TreeSet<>();
			documents.filter(file -> file.getFileName().toString().endsWith(".yaml"))
				.forEach(file -> load(file).at("/components/messages")
					.forEach(message -> everyDocument.add(message.get("name").asString())));
			assertThat(schemas).containsAll(published).isEqualTo(everyDocument);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> sent = new ArrayList<>();
		document.at("/operations/" + operation + "/messages").forEach(ref -> sent.add(ref.get("$ref").asString()));
		assertThat(sent).containsExactlyInAnyOrderElementsOf(
				messages.propertyNames().stream().map(key -> "#/channels/" + channel + "/messages/" + key).toList());
		assertThat(document.at("/channels/" + channel + "/messages").propertyNames())
			.containsExactlyInAnyOrderElementsOf(messages.propertyNames());
	}

	/**
	 * Fetches a bundled document as the service serves it ({@code /asyncapi/<name>}, without a token) and
	 * checks that a reader needs nothing else: still a valid AsyncAPI 3.0 document, every {@code $ref}
	 * points into the document itself and resolves, and each message's {@code data} is the schema of
	 * {@code <resources>/events/} that the repository's document refers to.
	 */
	public static JsonNode assertServedSelfContained(MockMvc mvc, Path resources, String name) throws Exception {
		MvcResult result = mvc.perform(get("/asyncapi/" + name)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).startsWith("application/yaml");
		Map<String, Object> yaml = new Yaml().load(result.getResponse().getContentAsString());
		JsonNode bundled = JSON.valueToTree(yaml);
		assertThat(violations(bundled)).isEmpty();
		List<String> references = new ArrayList<>();
		collectReferences(bundled, references);
		assertThat(references).isNotEmpty().allSatisfy(ref -> {
			assertThat(ref).startsWith("#/");
			assertThat(bundled.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
		});
		JsonNode source = load(resources.resolve("asyncapi").resolve(name));
		for (String key : source.at("/components/messages").propertyNames()) {
			JsonNode payload = bundled.at(bundled.at("/components/messages/" + key + "/payload/$ref").asString().substring(1));
			JsonNode data = bundled.at(payload.at("/allOf/1/properties/data/$ref").asString().substring(1));
			String file = source.at(source.at("/components/messages/" + key + "/payload/$ref").asString().substring(1))
				.at("/allOf/1/properties/data/$ref")
				.asString();
			JsonNode schema = load(resources.resolve("asyncapi").resolve(file).normalize());
			assertThat(data.get("title")).as("data of %s", key).isEqualTo(schema.get("title"));
			assertThat(data.get("required")).as("data of %s", key).isEqualTo(schema.get("required"));
			assertThat(data.get("properties").propertyNames()).as("data of %s", key)
				.containsExactlyElementsOf(schema.get("properties").propertyNames());
		}
		return bundled;
	}

	private static void collectReferences(JsonNode node, List<String> references) {
		if (node.isObject() && node.path("$ref").isString()) {
			references.add(node.get("$ref").asString());
		}
		if (node.isContainer()) {
			node.forEach(child -> collectReferences(child, references));
		}
	}

	/** The CloudEvent types of the {@code @PortalEvent}s under a package that go to a topic. */
	public static Set<String> publishedTypes(String basePackage, String topic) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata().hasAnnotation(PORTAL_EVENT));
		Set<BeanDefinition> candidates = scanner.findCandidateComponents(basePackage);
		return candidates.stream()
			.map(candidate -> ((AnnotatedBeanDefinition) candidate).getMetadata().getAnnotationAttributes(PORTAL_EVENT))
			.filter(attributes -> topic.equals(attributes.get("topic")))
			.map(attributes -> (String) attributes.get("type"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
