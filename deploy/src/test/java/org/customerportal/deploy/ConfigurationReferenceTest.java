package org.customerportal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference in docs/operations.md is the one the services' configuration metadata
 * gives, so it cannot drift from the code: a renamed, added or removed setting, a changed default or
 * description fails here until the document is rewritten.
 */
class ConfigurationReferenceTest {

	static final Path DOCUMENT = Repository.path("docs/operations.md");

	/** Rewrites the section instead of failing: {@code -Dconfiguration-reference.write=true}. */
	static final String WRITE = "configuration-reference.write";

	static final String REWRITE_COMMAND = "./mvnw -B -o -pl deploy -am verify -Dtest=ConfigurationReferenceTest "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -DskipITs -D" + WRITE + "=true";

	@Test
	void theReferenceInTheOperationsGuideIsTheOneTheMetadataGives() throws IOException {
		String document = Files.readString(DOCUMENT);
		String committed = ConfigurationReference.section(document);
		String generated = ConfigurationReference.render(RenderedChart.COMPONENTS);

		if (!committed.equals(generated) && Boolean.getBoolean(WRITE)) {
			Files.writeString(DOCUMENT, document.replace(committed, generated));
			return;
		}
		assertThat(committed)
			.as("docs/operations.md's configuration reference differs from the services' configuration metadata; "
					+ "rewrite it with: %s", REWRITE_COMMAND)
			.isEqualTo(generated);
	}

	@Test
	void everySettingOfThePortalIsDescribed() {
		Map<String, Set<String>> undescribed = new TreeMap<>();
		for (String service : RenderedChart.COMPONENTS) {
			ConfigurationReference.of(service).values().stream()
				.filter(property -> property.description().isEmpty())
				.forEach(property -> undescribed.computeIfAbsent(property.name(), name -> new TreeSet<>()).add(service));
		}
		assertThat(undescribed)
			.as("portal.* settings without a description: give each record component a javadoc @param")
			.isEmpty();
	}

	@Test
	void aVariableIsThePropertysNameByRelaxedBinding() {
		assertThat(new ConfigurationReference.Property("portal.order.payments.reconcile-interval",
				"java.time.Duration", "", "").variable()).isEqualTo("PORTAL_ORDER_PAYMENTS_RECONCILEINTERVAL");
		assertThat(new ConfigurationReference.Property("portal.license.products", "java.util.Map<java.lang.String,?>",
				"", "").variable()).as("map keys need YAML").isEmpty();
		assertThat(ServiceConfiguration.of("order-service").reads("PORTAL_ORDER_PAYMENTS_PAGEEXPIRY")).isTrue();
	}

}
