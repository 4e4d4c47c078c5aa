package org.customerportal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportal.deploy.RenderedChart.container;

/**
 * The images are built by Jib without a Docker daemon; they cannot be built or pulled here (no
 * registry is reachable), so these tests check the build's image configuration and that the chart
 * expects exactly what the build produces.
 */
class ContainerImageTest {

	static final String JIB = "jib-maven-plugin";

	static Element rootPom() {
		return Poms.read(Repository.path("pom.xml"));
	}

	static String projectVersion() {
		return Poms.text(rootPom(), "version");
	}

	static Element jibInParent() {
		Element plugins = Poms.child(rootPom(), "build", "pluginManagement", "plugins");
		return Poms.plugin(plugins, JIB).orElseThrow(() -> new AssertionError("jib-maven-plugin not in the parent's pluginManagement"));
	}

	static Element jibInService(String service) {
		Element pom = Poms.read(Repository.path(service + "/pom.xml"));
		return Poms.plugin(Poms.child(pom, "build", "plugins"), JIB)
			.orElseThrow(() -> new AssertionError(service + " does not build an image (no jib-maven-plugin in <build><plugins>)"));
	}

	@Test
	void theParentBuildsLayeredNonRootImagesSizedFromTheContainerMemory() {
		Element jib = jibInParent();
		Element configuration = Poms.child(jib, "configuration");

		assertThat(Poms.text(jib, "groupId")).isEqualTo("com.google.cloud.tools");
		assertThat(Poms.text(jib, "version")).isEqualTo("3.5.2");
		// pinned by digest: every build starts from the same bytes; the tag stays for people to read
		assertThat(Poms.text(configuration, "from", "image")).matches("eclipse-temurin:17-jre@sha256:[0-9a-f]{64}");
		// exploded: dependencies, snapshot dependencies, resources and classes in separate layers
		assertThat(Poms.text(configuration, "containerizingMode")).isEqualTo("exploded");
		String user = Poms.text(configuration, "container", "user");
		assertThat(user).matches("[1-9][0-9]*:[1-9][0-9]*");
		assertThat(Poms.texts(Poms.child(configuration, "container"), "jvmFlags", "jvmFlag"))
			.anySatisfy(flag -> assertThat(flag).matches("-XX:MaxRAMPercentage=[1-7][0-9](\\.[0-9]+)?"))
			.contains("-Djava.io.tmpdir=/tmp")
			.noneSatisfy(flag -> assertThat(flag).matches("-Xm[sx].*"));
	}

	@Test
	void imagesAreBuiltOnDemandNotInEveryBuild() {
		assertThat(Poms.child(jibInParent(), "executions")).as("jib is bound to no lifecycle phase").isNull();
		for (String service : RenderedChart.COMPONENTS) {
			assertThat(Poms.child(jibInService(service), "executions")).as(service).isNull();
		}
	}

	@Test
	void theReleaseProfileMakesEveryImageAsATarballWithSbomsAndPackagesTheChart() {
		Element release = Poms.children(Poms.child(rootPom(), "profiles"), "profile").stream()
			.filter(p -> "release".equals(Poms.text(p, "id")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no release profile in the root pom"));
		Element jib = Poms.plugin(Poms.child(release, "build", "pluginManagement", "plugins"), JIB).orElseThrow();
		Element execution = Poms.child(jib, "executions", "execution");

		assertThat(Poms.text(execution, "phase")).isEqualTo("package");
		assertThat(Poms.texts(execution, "goals", "goal")).as("an OCI tarball: no registry, no Docker daemon")
			.containsExactly("buildTar");
		assertThat(Poms.text(jib, "version")).as("the version is declared once, in the main pluginManagement").isNull();
		// spring-boot-starter-parent configures it: one SBOM per module, inside its classes (so in its image)
		assertThat(Poms.plugin(Poms.child(release, "build", "plugins"), "cyclonedx-maven-plugin")).isPresent();

		Element deployRelease = Poms.children(Poms.child(Poms.read(Repository.path("deploy/pom.xml")), "profiles"), "profile")
			.stream()
			.filter(p -> "release".equals(Poms.text(p, "id")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no release profile in deploy/pom.xml"));
		Element helm = Poms.plugin(Poms.child(deployRelease, "build", "plugins"), "exec-maven-plugin").orElseThrow();
		assertThat(Poms.text(helm, "executions", "execution", "configuration", "mainClass"))
			.isEqualTo(ChartPackage.class.getName());
		assertThat(Poms.texts(Poms.child(helm, "executions", "execution", "configuration"), "arguments", "argument"))
			.contains("${project.version}");
	}

	@Test
	void theWebPortalImageExposesItsPublicAndItsManagementPort() {
		Element jib = jibInService(RenderedChart.PORTAL);
		Container container = container(RenderedChart.defaults().deployment(RenderedChart.PORTAL));

		assertThat(Poms.text(jib, "version")).as("the version comes from the parent").isNull();
		assertThat(Poms.texts(Poms.child(jib, "configuration", "container"), "ports", "port"))
			.containsExactly(String.valueOf(ChartRenderingTest.PORTS.get(RenderedChart.PORTAL)),
					String.valueOf(ChartRenderingTest.PORTAL_MANAGEMENT_PORT));
		assertThat(container.getPorts()).extracting(p -> String.valueOf(p.getContainerPort()))
			.containsExactlyElementsOf(Poms.texts(Poms.child(jib, "configuration", "container"), "ports", "port"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "account-service", "order-service", "license-service", "notification-service" })
	void everyServiceImageExposesThePortTheChartProbes(String service) {
		Element jib = jibInService(service);
		List<String> ports = Poms.texts(Poms.child(jib, "configuration", "container"), "ports", "port");
		Container container = container(RenderedChart.defaults().deployment(service));

		assertThat(Poms.text(jib, "version")).as("the version comes from the parent").isNull();
		assertThat(ports).containsExactly(String.valueOf(ChartRenderingTest.PORTS.get(service)),
				String.valueOf(ChartRenderingTest.MANAGEMENT_PORTS.get(service)));
		assertThat(container.getPorts()).extracting(p -> String.valueOf(p.getContainerPort()))
			.containsExactlyElementsOf(ports);
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "account-service", "order-service", "license-service", "notification-service",
			"portal-web" })
	void theChartRunsTheImageTheBuildProduces(String service) {
		String built = Poms.text(jibInParent(), "configuration", "to", "image")
			.replace("${project.artifactId}", service)
			.replace("${project.version}", projectVersion());
		Deployment deployment = RenderedChart.defaults().deployment(service);
		Container container = container(deployment);

		assertThat(container.getImage()).isEqualTo(built);
		// the image's entry point (java with the flags above) is used as built
		assertThat(container.getCommand()).isNullOrEmpty();
		assertThat(container.getArgs()).isNullOrEmpty();
		// the pod runs as the image's user, and java.io.tmpdir is the writable volume
		String[] user = Poms.text(jibInParent(), "configuration", "container", "user").split(":");
		PodSecurityContext pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
		assertThat(pod.getRunAsUser()).isEqualTo(Long.parseLong(user[0]));
		assertThat(pod.getRunAsGroup()).isEqualTo(Long.parseLong(user[1]));
		assertThat(container.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
	}

	@Test
	void theChartVersionFollowsTheProjectVersion() throws IOException {
		Map<String, Object> chart = new Yaml().load(Files.readString(Repository.chart().resolve("Chart.yaml")));

		assertThat(chart.get("version")).isEqualTo(projectVersion());
		assertThat(chart.get("appVersion")).isEqualTo(projectVersion());
	}

}
