package org.customerportal.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.customerportal.deploy.RenderedChart.container;
import static org.customerportal.deploy.RenderedChart.env;
import static org.customerportal.deploy.RenderedChart.objectName;

/** What the values switch on and off, and where each setting ends up. */
class ChartOptionsTest {

	static final Path ALL_OPTIONS = Path.of("src/test/resources/values-all-options.yaml").toAbsolutePath();

	@Test
	void onlyTheGatewayAndThePortalAcceptTrafficFromOutsideTheRelease() {
		RenderedChart chart = RenderedChart.defaults();
		Map<String, String> gatewayPods = chart.deployment("gateway").getSpec().getTemplate().getMetadata().getLabels();
		Map<String, String> portalPods = chart.deployment(RenderedChart.PORTAL).getSpec().getTemplate().getMetadata()
			.getLabels();

		NetworkPolicy gateway = chart.get(NetworkPolicy.class, objectName("gateway"));
		assertThat(gateway.getSpec().getPolicyTypes()).containsExactly("Ingress");
		assertThat(gateway.getSpec().getIngress().get(0).getFrom()).as("default: any source may reach the gateway")
			.isNullOrEmpty();
		assertThat(gateway.getSpec().getIngress()).as("the gateway accepts the portal's pods, however narrow its sources")
			.anySatisfy(rule -> assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
				assertThat(peer.getNamespaceSelector()).isNull();
				assertThat(RenderedChart.selects(peer.getPodSelector().getMatchLabels(), portalPods)).isTrue();
				assertThat(RenderedChart.selects(peer.getPodSelector().getMatchLabels(), gatewayPods)).isFalse();
			}));
		NetworkPolicy portal = chart.get(NetworkPolicy.class, objectName(RenderedChart.PORTAL));
		assertThat(portal.getSpec().getIngress().get(0).getFrom()).as("default: any source may reach the portal")
			.isNullOrEmpty();
		assertThat(portal.getSpec().getIngress().get(0).getPorts()).singleElement()
			.satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("http"));
		assertThat(portal.getSpec().getIngress().get(1).getPorts()).as("metrics on the management port")
			.singleElement().satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("management"));

		for (String service : RenderedChart.SERVICES.subList(1, RenderedChart.SERVICES.size())) {
			NetworkPolicy policy = chart.get(NetworkPolicy.class, objectName(service));
			assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
			List<NetworkPolicyIngressRule> rules = policy.getSpec().getIngress();
			assertThat(rules).as("%s: from the gateway, and from the metrics scraper", service).hasSize(2);
			assertThat(rules).allSatisfy(rule -> assertThat(rule.getFrom())
				.as("no rule of %s is open to every source", service).isNotEmpty());
			assertThat(rules).as("the API from the gateway, metrics on the management port")
				.extracting(rule -> rule.getPorts().get(0).getPort().getStrVal())
				.containsExactly("http", "management");
			NetworkPolicyPeer fromGateway = rules.get(0).getFrom().get(0);
			assertThat(fromGateway.getNamespaceSelector()).isNull();
			assertThat(RenderedChart.selects(fromGateway.getPodSelector().getMatchLabels(), gatewayPods)).isTrue();
			// account-service is also asked by the services that keep a membership read model
			List<String> callers = service.equals("account-service") ? List.of("order-service", "license-service")
					: List.of();
			assertThat(rules.get(0).getFrom()).as("%s accepts", service).hasSize(1 + callers.size());
			for (int i = 0; i < callers.size(); i++) {
				Map<String, String> callerPods = chart.deployment(callers.get(i)).getSpec().getTemplate().getMetadata()
					.getLabels();
				NetworkPolicyPeer peer = rules.get(0).getFrom().get(1 + i);
				assertThat(peer.getNamespaceSelector()).isNull();
				assertThat(RenderedChart.selects(peer.getPodSelector().getMatchLabels(), callerPods)).isTrue();
				assertThat(RenderedChart.selects(peer.getPodSelector().getMatchLabels(), gatewayPods)).isFalse();
			}
			NetworkPolicyPeer scraper = rules.get(1).getFrom().get(0);
			assertThat(scraper.getNamespaceSelector().getMatchLabels())
				.containsEntry("kubernetes.io/metadata.name", "monitoring");
			assertThat(scraper.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "prometheus");
		}
	}

	@Test
	void thePortalReachesOnlyDnsTheGatewayItsDatabaseAndKeycloak() {
		RenderedChart chart = RenderedChart.defaults();
		Map<String, String> gatewayPods = chart.deployment("gateway").getSpec().getTemplate().getMetadata().getLabels();
		NetworkPolicy portal = chart.get(NetworkPolicy.class, objectName(RenderedChart.PORTAL));

		assertThat(portal.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
		List<NetworkPolicyEgressRule> egress = portal.getSpec().getEgress();
		assertThat(egress).extracting(rule -> rule.getPorts().stream()
			.map(port -> port.getProtocol() + "/" + port.getPort().getIntVal()).toList())
			.containsExactly(List.of("UDP/53", "TCP/53"), List.of("TCP/8080"), List.of("TCP/5432"), List.of("TCP/443"));
		assertThat(egress.get(1).getTo()).singleElement().satisfies(peer -> {
			assertThat(peer.getNamespaceSelector()).isNull();
			assertThat(RenderedChart.selects(peer.getPodSelector().getMatchLabels(), gatewayPods)).isTrue();
		});
		// the other services are never reached directly
		assertThat(chart.all(NetworkPolicy.class))
			.filteredOn(p -> !List.of(objectName("gateway"), objectName(RenderedChart.PORTAL))
				.contains(p.getMetadata().getName()))
			.allSatisfy(p -> assertThat(p.getSpec().getIngress()).noneSatisfy(rule -> assertThat(rule.getFrom())
				.anySatisfy(peer -> assertThat(peer.getPodSelector().getMatchLabels())
					.containsEntry("app.kubernetes.io/component", RenderedChart.PORTAL))));

		// the ports follow the addresses; peers and further rules come from values
		RenderedChart custom = RenderedChart.with(Map.of("global.keycloak.issuerUri",
				"http://keycloak.identity.svc:8080/realms/portal", "services.portal-web.database.url",
				"jdbc:postgresql://pg-a:6432,pg-b:6433/portal_web",
				"networkPolicy.portalWeb.egress.postgresql.to[0].ipBlock.cidr", "10.20.0.0/16",
				"networkPolicy.portalWeb.egress.extraRules[0].ports[0].port", "4318"));
		List<NetworkPolicyEgressRule> customEgress = custom.get(NetworkPolicy.class, objectName(RenderedChart.PORTAL))
			.getSpec().getEgress();
		assertThat(customEgress.get(2).getPorts()).extracting(port -> port.getPort().getIntVal()).containsExactly(6432, 6433);
		assertThat(customEgress.get(2).getTo()).singleElement()
			.satisfies(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("10.20.0.0/16"));
		assertThat(customEgress.get(3).getPorts()).extracting(port -> port.getPort().getIntVal()).containsExactly(8080);
		assertThat(customEgress.get(4).getPorts()).extracting(port -> port.getPort().getIntVal()).containsExactly(4318);

		RenderedChart open = RenderedChart.with(Map.of("networkPolicy.portalWeb.egress.enabled", "false"));
		NetworkPolicy unrestricted = open.get(NetworkPolicy.class, objectName(RenderedChart.PORTAL));
		assertThat(unrestricted.getSpec().getPolicyTypes()).containsExactly("Ingress");
		assertThat(unrestricted.getSpec().getEgress()).isNullOrEmpty();
	}

	@Test
	void byDefaultTheGatewayBelievesNoProxyAndCountsInMemory() {
		Map<String, EnvVar> env = env(RenderedChart.defaults().deployment("gateway"));

		assertThat(env).doesNotContainKeys("PORTAL_GATEWAY_RATELIMIT_TRUSTEDPROXIES", "SPRING_DATA_REDIS_HOST",
				"SPRING_DATA_REDIS_PASSWORD");
	}

	@Test
	void trustedProxiesComeWithAGatewayOnlyTheIngressControllerReaches() {
		RenderedChart chart = RenderedChart.with(Map.of("services.gateway.trustedProxies[0]", "10.244.0.0/16",
				"services.gateway.trustedProxies[1]", "fd00:10:244::/56",
				"networkPolicy.gateway.from[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name",
				"ingress-nginx"));

		assertThat(env(chart.deployment("gateway")).get("PORTAL_GATEWAY_RATELIMIT_TRUSTEDPROXIES").getValue())
			.isEqualTo("10.244.0.0/16,fd00:10:244::/56");
		assertThat(chart.get(NetworkPolicy.class, objectName("gateway")).getSpec().getIngress().get(0).getFrom())
			.singleElement()
			.satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
				.containsExactly(Map.entry("kubernetes.io/metadata.name", "ingress-nginx")));

		// any pod could otherwise name any client address
		assertThatThrownBy(() -> RenderedChart.template(List.of(), withChoices(Map.of("services.gateway.trustedProxies[0]",
				"10.244.0.0/16")))).hasMessageContaining("services.gateway.trustedProxies needs networkPolicy.gateway.from");
		// the operator's own policies instead of the chart's
		assertThat(env(RenderedChart.with(Map.of("services.gateway.trustedProxies[0]", "10.244.0.0/16",
				"networkPolicy.enabled", "false")).deployment("gateway"))).containsKey("PORTAL_GATEWAY_RATELIMIT_TRUSTEDPROXIES");
	}

	@Test
	void theProductionExampleSharesRateLimitsThroughRedisBehindItsIngressController() {
		RenderedChart chart = RenderedChart.production();
		Map<String, EnvVar> env = env(chart.deployment("gateway"));

		assertThat(env.get("PORTAL_GATEWAY_RATELIMIT_TRUSTEDPROXIES").getValue()).isEqualTo("10.244.0.0/16");
		assertThat(env.get("SPRING_DATA_REDIS_HOST").getValue()).isEqualTo("redis-master.redis.svc.cluster.local");
		assertThat(env).as("Spring Boot's defaults: port 6379, no TLS")
			.doesNotContainKeys("SPRING_DATA_REDIS_PORT", "SPRING_DATA_REDIS_SSL_ENABLED");
		assertThat(env.get("SPRING_DATA_REDIS_PASSWORD").getValueFrom().getSecretKeyRef().getName())
			.isEqualTo("customer-portal-redis");
		assertThat(chart.get(NetworkPolicy.class, objectName("gateway")).getSpec().getIngress().get(0).getFrom())
			.isNotEmpty();
		// only the gateway talks to Redis
		for (String service : RenderedChart.COMPONENTS.subList(1, RenderedChart.COMPONENTS.size())) {
			assertThat(env(chart.deployment(service))).as(service).doesNotContainKey("SPRING_DATA_REDIS_HOST");
		}
	}

	@Test
	void redisWithoutAHostIsRefused() {
		assertThatThrownBy(() -> RenderedChart.template(List.of(), withChoices(Map.of("services.gateway.redis.enabled",
				"true")))).hasMessageContaining("services.gateway.redis.host is required");
	}

	private static Map<String, String> withChoices(Map<String, String> sets) {
		Map<String, String> all = new java.util.HashMap<>(RenderedChart.CHOICES);
		all.putAll(sets);
		return all;
	}

	@Test
	void withoutThePortalTheGatewayAcceptsNoPortalPods() {
		RenderedChart chart = RenderedChart.with(Map.of("services.portal-web.enabled", "false", "tests.enabled", "false"));

		assertThat(chart.get(NetworkPolicy.class, objectName("gateway")).getSpec().getIngress())
			.as("from any source, and from the metrics scraper").hasSize(2);
		assertThat(chart.objects).noneSatisfy(o -> assertThat(o.getMetadata().getName())
			.isEqualTo(objectName(RenderedChart.PORTAL)));
		assertThat(chart.all(Deployment.class)).hasSize(RenderedChart.SERVICES.size());
	}

	@Test
	void theMetricsScraperIsConfigurable() {
		RenderedChart chart = RenderedChart.with(Map.of(
				"networkPolicy.metrics.namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name", "observability",
				"networkPolicy.metrics.podSelector.matchLabels.app\\.kubernetes\\.io/name", "vmagent"));

		NetworkPolicyPeer scraper = chart.get(NetworkPolicy.class, objectName("order-service")).getSpec().getIngress()
			.get(1).getFrom().get(0);
		assertThat(scraper.getNamespaceSelector().getMatchLabels())
			.containsEntry("kubernetes.io/metadata.name", "observability");
		assertThat(scraper.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "vmagent");

		RenderedChart noScraper = RenderedChart.with(Map.of("networkPolicy.metrics.enabled", "false"));
		assertThat(noScraper.get(NetworkPolicy.class, objectName("order-service")).getSpec().getIngress()).hasSize(1);
	}

	@Test
	void productionNarrowsTheGatewayAndThePortalToTheIngressController() {
		RenderedChart chart = RenderedChart.production();

		for (String component : List.of("gateway", RenderedChart.PORTAL)) {
			NetworkPolicyPeer peer = chart.get(NetworkPolicy.class, objectName(component)).getSpec().getIngress().get(0)
				.getFrom().get(0);
			assertThat(peer.getNamespaceSelector().getMatchLabels()).as(component)
				.containsEntry("kubernetes.io/metadata.name", "ingress-nginx");
		}
	}

	@Test
	void theIngressServesThePortalAndTheApiOnOnePublicHost() {
		assertThat(RenderedChart.defaults().all(Ingress.class)).as("off by default").isEmpty();

		RenderedChart chart = RenderedChart.production();
		String publicHost = java.net.URI.create(env(chart.deployment("account-service")).get("PORTAL_ACCOUNT_INVITATIONS_ACCEPTBASEURL").getValue())
			.getHost();
		Ingress ingress = chart.get(Ingress.class, objectName("gateway"));
		assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
		assertThat(ingress.getSpec().getTls()).singleElement()
			.satisfies(tls -> assertThat(tls.getHosts()).containsExactly(publicHost));
		assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
			assertThat(rule.getHost()).as("the host the mails link to").isEqualTo(publicHost);
			assertThat(rule.getHttp().getPaths()).allSatisfy(
					path -> assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http"));
			// the pages at "/"; the API and its documentation through the gateway; never the actuator endpoints
			assertThat(rule.getHttp().getPaths())
				.extracting(path -> path.getPath(), path -> path.getPathType(),
						path -> path.getBackend().getService().getName())
				.containsExactly(org.assertj.core.groups.Tuple.tuple("/", "Prefix", objectName(RenderedChart.PORTAL)),
						org.assertj.core.groups.Tuple.tuple("/api", "Prefix", objectName("gateway")),
						org.assertj.core.groups.Tuple.tuple("/v3/api-docs", "Prefix", objectName("gateway")),
						org.assertj.core.groups.Tuple.tuple("/asyncapi", "Prefix", objectName("gateway")),
						org.assertj.core.groups.Tuple.tuple("/swagger-ui", "Prefix", objectName("gateway")),
						org.assertj.core.groups.Tuple.tuple("/swagger-ui.html", "Exact", objectName("gateway")),
						org.assertj.core.groups.Tuple.tuple("/webjars/swagger-ui", "Prefix", objectName("gateway")));
		});

		// the chart's own default host layout is the same, and a path to a disabled component is left out
		Ingress apiOnly = RenderedChart.with(Map.of("ingress.enabled", "true", "services.portal-web.enabled", "false"))
			.get(Ingress.class, objectName("gateway"));
		assertThat(apiOnly.getSpec().getRules()).singleElement().satisfies(rule -> {
			assertThat(rule.getHost()).isEqualTo("portal.example.com");
			assertThat(rule.getHttp().getPaths()).extracting(path -> path.getPath()).doesNotContain("/").contains("/api");
		});
	}

	@Test
	void autoscalersReplaceTheFixedReplicaCount() {
		RenderedChart chart = RenderedChart.production();

		HorizontalPodAutoscaler hpa = chart.get(HorizontalPodAutoscaler.class, objectName("order-service"));
		assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
		assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(12);
		assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric -> {
			assertThat(metric.getResource().getName()).isEqualTo("cpu");
			assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(65);
		});
		assertThat(chart.deployment("order-service").getSpec().getReplicas())
			.as("the autoscaler owns the replica count").isNull();
		assertThat(chart.deployment("account-service").getSpec().getReplicas()).isEqualTo(3);
		assertThat(chart.find(HorizontalPodAutoscaler.class, objectName("account-service"))).isEmpty();
		assertThat(RenderedChart.defaults().all(HorizontalPodAutoscaler.class)).as("off by default").isEmpty();
	}

	@Test
	void disruptionBudgetsKeepAllButOnePodOfAServiceDuringNodeDrains() {
		List<PodDisruptionBudget> budgets = RenderedChart.defaults().all(PodDisruptionBudget.class);

		assertThat(budgets).hasSize(RenderedChart.COMPONENTS.size());
		assertThat(budgets).allSatisfy(pdb -> assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1));
		assertThat(RenderedChart.minimal().all(PodDisruptionBudget.class)).isEmpty();
	}

	@Test
	void theServiceMonitorScrapesThePrometheusEndpointOfEveryService() {
		assertThat(RenderedChart.defaults().all(ServiceMonitor.class)).as("off by default").isEmpty();

		RenderedChart chart = RenderedChart.production();
		ServiceMonitor monitor = chart.get(ServiceMonitor.class, "portal-customer-portal");
		assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
		// every component serves its metrics on its management port, never on the public one
		assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
			assertThat(endpoint.getPort()).isEqualTo("management");
			assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
			assertThat(endpoint.getInterval()).isEqualTo("15s");
		});
		assertThat(chart.all(ServiceMonitor.class)).hasSize(1);
		for (io.fabric8.kubernetes.api.model.Service service : chart.all(io.fabric8.kubernetes.api.model.Service.class)) {
			assertThat(selects(monitor.getSpec().getSelector(), service.getMetadata().getLabels()))
				.as("the ServiceMonitor selects Service %s", service.getMetadata().getName())
				.isTrue();
			assertThat(service.getSpec().getPorts()).extracting(p -> p.getName()).contains("management");
		}
	}

	/** matchLabels and the NotIn/In expressions the chart uses. */
	private static boolean selects(io.fabric8.kubernetes.api.model.LabelSelector selector, Map<String, String> labels) {
		if (!RenderedChart.selects(selector.getMatchLabels(), labels)) {
			return false;
		}
		return selector.getMatchExpressions() == null || selector.getMatchExpressions().stream().allMatch(e -> switch (e.getOperator()) {
			case "In" -> e.getValues().contains(labels.get(e.getKey()));
			case "NotIn" -> !e.getValues().contains(labels.get(e.getKey()));
			default -> throw new AssertionError("operator " + e.getOperator());
		});
	}

	@Test
	void imagesComeFromTheConfiguredRegistryWithThePinnedTag() {
		RenderedChart chart = RenderedChart.production();

		assertThat(container(chart.deployment("license-service")).getImage())
			.isEqualTo("registry.example.com/portal/customer-portal/license-service:1.4.2");
		assertThat(chart.deployment("license-service").getSpec().getTemplate().getSpec().getImagePullSecrets())
			.singleElement().satisfies(ref -> assertThat(ref.getName()).isEqualTo("portal-registry"));

		RenderedChart perService = RenderedChart.with(Map.of("services.gateway.image.tag", "1.4.3-hotfix"));
		assertThat(container(perService.deployment("gateway")).getImage())
			.isEqualTo("customer-portal/gateway:1.4.3-hotfix");
		assertThat(container(perService.deployment("order-service")).getImage())
			.isEqualTo("customer-portal/order-service:" + ContainerImageTest.projectVersion());
	}

	@Test
	void secretsAreReferencedByTheConfiguredNamesAndKeys() {
		Map<String, EnvVar> notification = env(RenderedChart.production().deployment("notification-service"));

		assertThat(notification.get("SPRING_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef())
			.satisfies(ref -> {
				assertThat(ref.getName()).isEqualTo("portal-notification-db");
				assertThat(ref.getKey()).isEqualTo("password");
			});
		assertThat(notification.get("SPRING_MAIL_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo("portal-smtp");
		assertThat(notification.get("PORTAL_NOTIFICATIONS_UNSUBSCRIBE_SIGNINGKEY").getValueFrom().getSecretKeyRef().getName())
			.isEqualTo("portal-unsubscribe-signing");
		Map<String, EnvVar> license = env(RenderedChart.production().deployment("license-service"));
		assertThat(license.get("PORTAL_LICENSE_SIGNING_PRIVATEKEY").getValueFrom().getSecretKeyRef().getKey())
			.isEqualTo("private-key");
		assertThat(license.get("PORTAL_LICENSE_SIGNING_PUBLICKEY").getValueFrom().getSecretKeyRef().getKey())
			.isEqualTo("public-key");
		Map<String, EnvVar> portal = env(RenderedChart.production().deployment(RenderedChart.PORTAL));
		assertThat(portal.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_CLIENTSECRET").getValueFrom().getSecretKeyRef()).satisfies(ref -> {
			assertThat(ref.getName()).isEqualTo("portal-web-client");
			assertThat(ref.getKey()).isEqualTo("client-secret");
		});
		assertThat(portal.get("SPRING_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo("portal-web-db");
		assertThat(env(RenderedChart.defaults().deployment("notification-service")))
			.as("an SMTP server without a password needs no Secret").doesNotContainKey("SPRING_MAIL_PASSWORD");
	}

	@Test
	void thePortalLetsFormsLeadToTheConfiguredOriginsOnly() {
		assertThat(env(RenderedChart.production().deployment(RenderedChart.PORTAL)).get("PORTAL_WEB_FORMACTIONORIGINS")
			.getValue()).isEqualTo("https://checkout.stripe.com");
		assertThat(env(RenderedChart.defaults().deployment(RenderedChart.PORTAL)))
			.as("none besides the portal (and Keycloak, which the portal adds): the portal's default")
			.doesNotContainKey("PORTAL_WEB_FORMACTIONORIGINS");

		RenderedChart two = RenderedChart.with(Map.of("services.portal-web.formActionOrigins[0]", "https://checkout.stripe.com",
				"services.portal-web.formActionOrigins[1]", "https://www.paypal.com"));
		assertThat(env(two.deployment(RenderedChart.PORTAL)).get("PORTAL_WEB_FORMACTIONORIGINS").getValue())
			.isEqualTo("https://checkout.stripe.com,https://www.paypal.com");
	}

	@Test
	void everyKafkaClientAuthenticatesWithItsOwnKeycloakClientAndASecretByReference() {
		RenderedChart chart = RenderedChart.defaults();
		for (String service : List.of("account-service", "order-service", "license-service", "notification-service")) {
			Map<String, EnvVar> env = env(chart.deployment(service));
			assertThat(env.get("PORTAL_KAFKA_OAUTH_CLIENTID").getValue()).isEqualTo(service + "-kafka");
			assertThat(env.get("PORTAL_KAFKA_OAUTH_CLIENTSECRET").getValue()).as("never a value").isNull();
			assertThat(env.get("PORTAL_KAFKA_OAUTH_CLIENTSECRET").getValueFrom().getSecretKeyRef().getName())
				.isEqualTo("customer-portal-" + service + "-kafka");
			assertThat(env.get("PORTAL_KAFKA_OAUTH_TOKENENDPOINTURL").getValue())
				.isEqualTo("https://auth.example.com/realms/portal/protocol/openid-connect/token");
			assertThat(env.get("PORTAL_KAFKA_OAUTH_SECURITYPROTOCOL").getValue()).isEqualTo("SASL_SSL");
		}
		assertThat(env(chart.deployment("gateway")).keySet()).noneMatch(name -> name.startsWith("PORTAL_KAFKA_"));

		RenderedChart custom = RenderedChart.with(Map.of("global.kafka.authentication.tokenEndpointUrl",
				"http://keycloak-http.identity.svc:8080/realms/portal/protocol/openid-connect/token",
				"services.license-service.kafka.clientId", "licences"));
		Map<String, EnvVar> license = env(custom.deployment("license-service"));
		assertThat(license.get("PORTAL_KAFKA_OAUTH_CLIENTID").getValue()).isEqualTo("licences");
		assertThat(license.get("PORTAL_KAFKA_OAUTH_TOKENENDPOINTURL").getValue()).startsWith("http://keycloak-http");

		RenderedChart none = RenderedChart.with(Map.of("global.kafka.authentication.mechanism", "none"));
		assertThat(env(none.deployment("order-service")).keySet()).noneMatch(name -> name.startsWith("PORTAL_KAFKA_"));
	}

	@Test
	void externalKafkaKeycloakAndDatabasesComeFromValues() {
		RenderedChart chart = RenderedChart.production();
		Map<String, EnvVar> order = env(chart.deployment("order-service"));

		assertThat(order.get("SPRING_KAFKA_BOOTSTRAPSERVERS").getValue()).startsWith("kafka-0.kafka.streaming.svc:9092,");
		assertThat(order.get("SPRING_DATASOURCE_URL").getValue())
			.isEqualTo("jdbc:postgresql://pg-orders.db.example.com:5432/order_service?sslmode=verify-full&sslrootcert=/etc/portal-ca/ca.crt");
		assertThat(order.get("SPRING_DATASOURCE_USERNAME").getValue()).isEqualTo("order_service");
		assertThat(order.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI").getValue()).isEqualTo("https://auth.example.com/realms/portal");
		assertThat(order.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI").getValue())
			.isEqualTo("http://keycloak-http.identity.svc:8080/realms/portal/protocol/openid-connect/certs");
		assertThat(order.get("SPRING_KAFKA_ADMIN_AUTOCREATE").getValue()).isEqualTo("false");
		assertThat(order.get("PORTAL_EVENTS_PARTITIONS").getValue()).isEqualTo("12");
		assertThat(order.get("PORTAL_EVENTS_REPLICAS").getValue()).isEqualTo("3");

		Map<String, EnvVar> defaults = env(RenderedChart.defaults().deployment("order-service"));
		assertThat(defaults.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI").getValue())
			.as("the JWKS address defaults to the issuer's")
			.isEqualTo("https://auth.example.com/realms/portal/protocol/openid-connect/certs");
	}

	@Test
	void extraConfigurationIsMountedAsAnAdditionalSpringConfigLocation() {
		RenderedChart chart = RenderedChart.production();
		Deployment order = chart.deployment("order-service");

		ConfigMap config = chart.get(ConfigMap.class, objectName("order-service"));
		assertThat(config.getData().get("application.yaml")).contains("maximum-pool-size: 20");
		assertThat(env(order).get("SPRING_CONFIG_ADDITIONAL_LOCATION").getValue())
			.isEqualTo("optional:file:/etc/customer-portal/");
		assertThat(container(order).getVolumeMounts()).anySatisfy(mount -> {
			assertThat(mount.getMountPath()).isEqualTo("/etc/customer-portal");
			assertThat(mount.getReadOnly()).isTrue();
		});
		assertThat(chart.find(ConfigMap.class, objectName("gateway"))).as("no ConfigMap without extra config").isEmpty();
		// a change of configuration rolls the pods
		String checksum = order.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
		assertThat(RenderedChart.render(List.of(RenderedChart.PRODUCTION_VALUES),
				Map.of("services.order-service.config.spring.datasource.hikari.maximum-pool-size", "30"))
			.deployment("order-service").getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config"))
			.isNotEqualTo(checksum);
	}

	@Test
	void plainAndSecretExtraEnvironmentIsPassedOn() {
		RenderedChart chart = RenderedChart.production();

		assertThat(env(chart.deployment("gateway")).get("MANAGEMENT_METRICS_TAGS_CLUSTER").getValue())
			.as("global.env reaches every service").isEqualTo("production-eu");
		assertThat(env(chart.deployment("notification-service")).get("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED")
			.getValue()).isEqualTo("true");
		assertThat(env(chart.deployment("gateway")).get("JAVA_TOOL_OPTIONS").getValue())
			.isEqualTo("-XX:+UseG1GC -Xlog:gc:stderr");
		assertThat(env(RenderedChart.defaults().deployment("gateway"))).doesNotContainKey("JAVA_TOOL_OPTIONS");
	}

	@Test
	void observabilitySettingsReachEveryService() {
		RenderedChart chart = RenderedChart.withValues(ALL_OPTIONS);

		for (String service : RenderedChart.SERVICES) {
			Map<String, EnvVar> env = env(chart.deployment(service));
			assertThat(env.get("LOGGING_STRUCTURED_FORMAT_CONSOLE").getValue()).isEqualTo("ecs");
			// Spring Boot 4's name (management.opentelemetry.tracing.export.otlp.endpoint), not the OTel SDK's
			assertThat(env.get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT").getValue())
				.isEqualTo("http://otel-collector:4318/v1/traces");
			assertThat(env).doesNotContainKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
			assertThat(env.get("MANAGEMENT_TRACING_SAMPLING_PROBABILITY").getValue()).isEqualTo("0.5");
		}
		// the web portal has no tracer: nothing it would ignore
		Map<String, EnvVar> portal = env(chart.deployment(RenderedChart.PORTAL));
		assertThat(portal.get("LOGGING_STRUCTURED_FORMAT_CONSOLE").getValue()).isEqualTo("ecs");
		assertThat(portal).doesNotContainKeys("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
				"MANAGEMENT_TRACING_SAMPLING_PROBABILITY");
	}

	@Test
	void aDisabledServiceRendersNothing() {
		RenderedChart chart = RenderedChart.with(Map.of("services.notification-service.enabled", "false"));

		assertThat(chart.objects).noneSatisfy(o -> assertThat(o.getMetadata().getName())
			.isEqualTo(objectName("notification-service")));
		assertThat(chart.all(Deployment.class)).hasSize(RenderedChart.COMPONENTS.size() - 1);
	}

}
