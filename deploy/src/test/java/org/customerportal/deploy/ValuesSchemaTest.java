package org.customerportal.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values an operator gets wrong are refused by values.schema.json (or the chart) before anything is applied. */
class ValuesSchemaTest {

	@ParameterizedTest(name = "{0}={1} is refused")
	@CsvSource(delimiter = '|', textBlock = """
			services.gateway.replicas                          | two              | /services/gateway/replicas
			services.order-service.replicas                    | -1               | /services/order-service/replicas
			services.order-service.replicas                    | 500              | /services/order-service/replicas
			services.license-service.port                      | 80               | /services/license-service/port
			services.gateway.enabled                           | maybe            | /services/gateway/enabled
			services.gateway.trustedProxies[0]                 | ingress-nginx    | /services/gateway/trustedProxies/0
			services.gateway.redis.port                        | redis            | /services/gateway/redis/port
			global.image.tag                                   | latest           | /global/image/tag
			services.account-service.image.tag                 | latest           | /services/account-service/image/tag
			global.image.pullPolicy                            | Sometimes        | /global/image/pullPolicy
			services.order-service.resources.limits.memory     | lots             | /services/order-service/resources/limits/memory
			services.order-service.resources.requests.cpu      | fast             | /services/order-service/resources/requests/cpu
			services.order-service.database.password           | s3cret           | /services/order-service/database
			services.notification-service.smtp.password        | s3cret           | /services/notification-service/smtp
			services.portal-web.keycloakClient.clientSecret    | s3cret           | /services/portal-web/keycloakClient
			services.portal-web.managementPort                 | 80               | /services/portal-web/managementPort
			services.portal-web.formActionOrigins[0]           | https://pay.example.com/checkout | /services/portal-web/formActionOrigins/0
			services.portal-web.forwardHeadersStrategy         | always           | /services/portal-web/forwardHeadersStrategy
			ingress.hosts[0].paths[0].service                  | order-service    | /ingress/hosts/0/paths/0/service
			networkPolicy.portalWeb.egress.keycloak.ports[0]   | https            | /networkPolicy/portalWeb/egress/keycloak/ports/0
			services.account-service.keycloakAdmin.clientSecret | s3cret          | /services/account-service/keycloakAdmin
			services.license-service.signingKeys.privateKey    | MC4CAQAwBQYDK2Vw | /services/license-service/signingKeys
			services.order-service.database.url                | postgres://db/x  | /services/order-service/database/url
			services.order-service.database.existingSecret     | Not_A_Name       | /services/order-service/database/existingSecret
			services.order-service.paymentProvider             | paypal           | /services/order-service/paymentProvider
			services.order-service.returnUrlOrigins            | portal.example.com | /services/order-service/returnUrlOrigins
			services.order-service.stripe.secretKey            | sk_live_x        | /services/order-service/stripe
			global.kafka.topics.partitions                     | 0                | /global/kafka/topics/partitions
			global.kafka.bootstrapServers                      | kafka            | /global/kafka/bootstrapServers
			global.keycloak.issuerUri                          | portal           | /global/keycloak/issuerUri
			global.terminationGracePeriodSeconds               | 10               | /global/terminationGracePeriodSeconds
			global.runAsUser                                   | 0                | /global/runAsUser
			services.gateway.autoscaling.maxReplicas           | 1000             | /services/gateway/autoscaling/maxReplicas
			services.gateway.podDisruptionBudget.maxUnavailable | 0               | /services/gateway/podDisruptionBudget/maxUnavailable
			services.billing-service.enabled                   | true             | /services
			replicaCount                                       | 3                | additional properties 'replicaCount'
			""")
	void wrongValuesAreRefused(String key, String value, String reported) {
		assertThatThrownBy(() -> RenderedChart.template(List.of(), Map.of(key, value)))
			.hasMessageContaining("values don't meet the specifications of the schema")
			.hasMessageContaining(reported);
	}

	@Test
	void aPasswordInAValuesFileIsRefused(@TempDir Path dir) throws Exception {
		Path values = dir.resolve("values.yaml");
		Files.writeString(values, """
				services:
				  account-service:
				    database:
				      url: jdbc:postgresql://db:5432/account_service
				      username: account_service
				      password: hunter2
				""");

		assertThatThrownBy(() -> RenderedChart.template(List.of(values), Map.of()))
			.hasMessageContaining("additional properties 'password' not allowed");
	}

	@Test
	void withoutAPaymentProviderTheChartRefusesToRender() {
		// the operator chooses: no payment provider is a default
		assertThatThrownBy(() -> RenderedChart.template(List.of(), Map.of()))
			.hasMessageContaining("services.order-service.paymentProvider is required: stripe");
		assertThatThrownBy(() -> RenderedChart.template(List.of(), Map.of("services.order-service.paymentProvider", "stripe")))
			.hasMessageContaining("PORTAL_ORDER_PAYMENTS_STRIPE_SECRETKEY needs an existing Secret name");
	}

	@Test
	void aGracePeriodShorterThanTheShutdownIsRefused() {
		// within the schema's range, but 30 s of preStop + 20 s of graceful shutdown do not fit in 45 s
		assertThatThrownBy(() -> RenderedChart.template(List.of(), Map.of("global.preStopSleepSeconds", "30")))
			.hasMessageContaining("terminationGracePeriodSeconds must exceed");
	}

	@Test
	void anAutoscalerWhoseMinimumExceedsItsMaximumIsRefused() {
		Map<String, String> sets = new java.util.HashMap<>(RenderedChart.CHOICES);
		sets.putAll(Map.of("services.gateway.autoscaling.enabled", "true", "services.gateway.autoscaling.minReplicas", "8",
				"services.gateway.autoscaling.maxReplicas", "4"));
		assertThatThrownBy(() -> RenderedChart.template(List.of(), sets))
			.hasMessageContaining("minReplicas must not exceed maxReplicas");
	}

	@Test
	void validOverridesAreAccepted() {
		RenderedChart chart = RenderedChart.with(Map.of("services.order-service.replicas", "5",
				"services.order-service.resources.limits.memory", "2Gi", "global.image.tag", "1.2.3"));

		assertThat(chart.deployment("order-service").getSpec().getReplicas()).isEqualTo(5);
		assertThat(RenderedChart.container(chart.deployment("order-service")).getResources().getLimits().get("memory"))
			.hasToString("2Gi");
	}

}
