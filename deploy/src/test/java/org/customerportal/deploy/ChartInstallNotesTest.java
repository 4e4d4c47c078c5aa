package org.customerportal.deploy;

import java.util.List;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What `helm install` prints (a client-only dry run: no cluster is contacted). */
class ChartInstallNotesTest {

	static Release dryRunInstall(String values) {
		InstallCommand install = new Helm(Repository.chart()).install()
			.withName(RenderedChart.RELEASE)
			.withNamespace(RenderedChart.NAMESPACE)
			.withKubeVersion(RenderedChart.KUBE_VERSION)
			.clientOnly()
			.dryRun();
		switch (values) {
			case "production" -> install.withValuesFile(RenderedChart.PRODUCTION_VALUES);
			case "minimal" -> install.withValuesFile(RenderedChart.MINIMAL_VALUES);
			default -> RenderedChart.CHOICES.forEach(install::set);
		}
		return install.call();
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void installNotesNameEveryImageAndHowToWaitForReadiness(String values) {
		String notes = dryRunInstall(values).getOutput();

		for (String service : RenderedChart.COMPONENTS) {
			assertThat(notes).containsPattern("\\n  " + service + ": \\S+/" + service + ":\\S+");
		}
		assertThat(notes).contains("kubectl -n portal rollout status deployment -l app.kubernetes.io/instance=portal");
	}

	@Test
	void installNotesListTheSecretsThatMustExistBeforeThePodsCanStart() {
		String notes = dryRunInstall("production").getOutput();

		assertThat(notes).contains("https://portal.example.com/api");
		for (String secret : List.of("portal-account-db (key password)", "portal-keycloak-admin (key client-secret)",
				"portal-web-db (key password)", "portal-web-client (key client-secret)",
				"portal-license-signing (keys private-key, public-key)", "portal-smtp (key password)",
				"portal-unsubscribe-signing (key signing-key)", "portal-stripe (keys secret-key, webhook-secret)")) {
			assertThat(notes).contains(secret);
		}
	}

	@Test
	void withoutAnIngressTheNotesShowAPortForwardToTheGateway() {
		assertThat(dryRunInstall("default").getOutput())
			.contains("kubectl -n portal port-forward service/portal-customer-portal-gateway 8080");
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void theNotesNameTheWebPortalFirst(String values) {
		String notes = dryRunInstall(values).getOutput();
		String portal = values.equals("production") ? "The web portal: https://portal.example.com"
				: "kubectl -n portal port-forward service/portal-customer-portal-portal-web 8090";

		assertThat(notes).contains(portal);
		assertThat(notes.indexOf(portal)).as("before anything else is listed")
			.isLessThan(notes.indexOf("Services:"));
	}

}
