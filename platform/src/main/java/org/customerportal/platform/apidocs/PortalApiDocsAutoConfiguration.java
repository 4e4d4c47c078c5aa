package org.customerportal.platform.apidocs;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The parts of every service's OpenAPI document that are the same everywhere: the version (the
 * project's, from the build), contact and licence, global tags in alphabetical order, and links to the
 * AsyncAPI documents of the events the service publishes, which it serves bundled at
 * {@code /asyncapi/<name>.yaml}. Each service gives its own title and description
 * ({@code @OpenAPIDefinition}) and describes its operations and tags on its controllers.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class PortalApiDocsAutoConfiguration {

	/** What holds for every call of every service (API.md's introduction), after the service's own introduction. */
	static final String CALLING_THE_API = """
			## Calling the API
			Every call carries `Authorization: Bearer <access token>` from the portal's Keycloak realm (an access
			token for the `portal-api` audience) unless it is marked public. Errors are RFC 9457 problem documents
			(`application/problem+json`) with `type`, `title`, `status`, `detail` (a sentence a customer can act
			on), `traceId` and, for invalid input, `errors: [{field, message}]`: 400 malformed or invalid input,
			401 no or bad token, 403 not allowed, 404 not found or not visible to the caller, 409 conflict with
			the current state, 422 a business rule refuses it, 429 rate limited, 503 a dependency is down (with
			`Retry-After`). Lists are paged with `?page=0&size=20` and answer `{items, page, size, totalItems}`.
			""";

	/** What springdoc writes when a service names no version. */
	private static final String SPRINGDOC_DEFAULT_VERSION = "v0";

	@Bean
	AsyncApiBundles asyncApiBundles() {
		return AsyncApiBundles.fromClassPath();
	}

	@Bean
	AsyncApiController asyncApiController(AsyncApiBundles bundles) {
		return new AsyncApiController(bundles);
	}

	@Bean
	OpenApiCustomizer portalApiDocsCustomizer(ApiDocsProperties properties, ObjectProvider<BuildProperties> build,
			Environment environment, AsyncApiBundles bundles) {
		String version = version(build.getIfAvailable());
		String application = environment.getProperty("spring.application.name", "Customer Portal API");
		return openApi -> {
			Info info = openApi.getInfo() != null ? openApi.getInfo() : new Info();
			openApi.setInfo(info);
			if (info.getTitle() == null || info.getTitle().isBlank() || info.getTitle().equals("OpenAPI definition")) {
				info.setTitle(application);
			}
			if (info.getVersion() == null || info.getVersion().isBlank()
					|| info.getVersion().equals(SPRINGDOC_DEFAULT_VERSION)) {
				info.setVersion(version);
			}
			if (info.getContact() == null) {
				info.setContact(new Contact().name(properties.contact().name())
					.email(properties.contact().email())
					.url(properties.contact().url()));
			}
			if (info.getLicense() == null) {
				info.setLicense(new License().name(properties.license().name()).url(properties.license().url()));
			}
			String description = info.getDescription() == null ? "" : info.getDescription().strip();
			if (!description.contains("## Calling the API")) {
				info.setDescription((description.isEmpty() ? "" : description + "\n\n") + CALLING_THE_API + events(bundles));
			}
			List<Tag> tags = openApi.getTags();
			if (tags != null) {
				tags.sort(Comparator.comparing(Tag::getName));
			}
		};
	}

	private static String events(AsyncApiBundles bundles) {
		if (bundles.names().isEmpty()) {
			return "";
		}
		return "\n## Events\nWhat this service publishes on Kafka is described by AsyncAPI 3.0 documents, "
				+ "served beside this one: " + bundles.names()
					.stream()
					.map(name -> "[" + name + "](/asyncapi/" + name + ")")
					.collect(Collectors.joining(", "))
				+ ".\n";
	}

	/** The project's version from {@code META-INF/build-info.properties}, else the jar's manifest. */
	static String version(BuildProperties build) {
		if (build != null && build.getVersion() != null) {
			return build.getVersion();
		}
		String manifest = PortalApiDocsAutoConfiguration.class.getPackage().getImplementationVersion();
		return manifest != null ? manifest : "development";
	}

}
