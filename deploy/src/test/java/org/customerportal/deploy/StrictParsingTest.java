package org.customerportal.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard the rendering tests rely on: a mistake in a template cannot parse silently. */
class StrictParsingTest {

	@Test
	void aMisspeltFieldIsRefused() {
		String manifest = """
				---
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: demo
				spec:
				  replicas: 1
				  selector:
				    matchLabels: {app: demo}
				  template:
				    metadata:
				      labels: {app: demo}
				    spec:
				      containers:
				        - name: demo
				          image: demo:1.0
				          readinesProbe:
				            httpGet: {path: /actuator/health/readiness, port: 8080}
				            periodSecond: 5
				""";

		assertThatThrownBy(() -> RenderedChart.parseStrictly(manifest)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("periodSecond");
	}

	@Test
	void anUnknownKindIsRefused() {
		String manifest = """
				---
				apiVersion: networking.k8s.io/v1
				kind: NetworkPolicys
				metadata:
				  name: demo
				""";

		assertThatThrownBy(() -> RenderedChart.parseStrictly(manifest)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("unknown kind");
	}

	@Test
	void aMisspeltServiceMonitorFieldIsRefused() {
		String manifest = """
				---
				apiVersion: monitoring.coreos.com/v1
				kind: ServiceMonitor
				metadata:
				  name: demo
				spec:
				  selector:
				    matchLabels: {app: demo}
				  endpoints:
				    - port: http
				      pathh: /actuator/prometheus
				""";

		assertThatThrownBy(() -> RenderedChart.parseStrictly(manifest)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("pathh");
	}

	@Test
	void aWellFormedObjectParsesIntoItsTypedModel() {
		String manifest = """
				# Source: a comment-only document is skipped
				---
				apiVersion: v1
				kind: ServiceAccount
				metadata:
				  name: demo
				automountServiceAccountToken: false
				""";

		assertThat(RenderedChart.parseStrictly(manifest)).singleElement()
			.isInstanceOf(io.fabric8.kubernetes.api.model.ServiceAccount.class);
	}

}
