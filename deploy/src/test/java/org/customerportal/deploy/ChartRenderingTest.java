package org.customerportal.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customerportal.deploy.RenderedChart.container;
import static org.customerportal.deploy.RenderedChart.env;
import static org.customerportal.deploy.RenderedChart.objectName;
import static org.customerportal.deploy.RenderedChart.selects;

/**
 * What every installation gets, whichever values file it uses: the default values, the
 * production-like example and the minimal example.
 */
class ChartRenderingTest {

	/** The services' graceful shutdown phase (spring.lifecycle.timeout-per-shutdown-phase). */
	static final int GRACEFUL_SHUTDOWN_SECONDS = 20;

	static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "account-service", 8081, "order-service", 8082,
			"license-service", 8083, "notification-service", 8084, RenderedChart.PORTAL, 8090);

	/** Management ports: probes and metrics, never on the public port. */
	static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("gateway", 9080, "account-service", 9081,
			"order-service", 9082, "license-service", 9083, "notification-service", 9084, RenderedChart.PORTAL, 9090);

	/** The web portal's management port. */
	static final int PORTAL_MANAGEMENT_PORT = MANAGEMENT_PORTS.get(RenderedChart.PORTAL);

	private static final Pattern SECRET_ENV = Pattern.compile(".*(PASSWORD|SECRET|_KEY)$");

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void rendersOnlyKnownKindsWithKnownFields(String values) {
		// parsing is strict: an unknown kind or field fails rendering before any assertion
		RenderedChart chart = RenderedChart.named(values);

		assertThat(chart.objects).isNotEmpty();
		assertThat(chart.objects).allSatisfy(o -> {
			assertThat(o.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63);
			assertThat(o.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", RenderedChart.RELEASE)
				.containsEntry("app.kubernetes.io/managed-by", "Helm");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void everyServiceGetsADeploymentAServiceAndAServiceAccount(String values) {
		RenderedChart chart = RenderedChart.named(values);

		for (String service : RenderedChart.SERVICES) {
			Deployment deployment = chart.deployment(service);
			Service svc = chart.get(Service.class, objectName(service));
			ServiceAccount account = chart.get(ServiceAccount.class, objectName(service));

			assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
				.isEqualTo(account.getMetadata().getName());
			assertThat(account.getAutomountServiceAccountToken()).isFalse();
			// the API on one port, probes and metrics on the management port
			assertThat(svc.getSpec().getPorts()).extracting(p -> p.getName(), p -> p.getPort(), p -> p.getTargetPort().getStrVal())
				.containsExactly(org.assertj.core.groups.Tuple.tuple("http", PORTS.get(service), "http"),
						org.assertj.core.groups.Tuple.tuple("management", MANAGEMENT_PORTS.get(service), "management"));
			assertThat(container(deployment).getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("http", PORTS.get(service)),
						org.assertj.core.groups.Tuple.tuple("management", MANAGEMENT_PORTS.get(service)));
			assertThat(env(deployment).get("MANAGEMENT_SERVER_PORT").getValue())
				.isEqualTo(String.valueOf(MANAGEMENT_PORTS.get(service)));
		}
		assertThat(chart.all(Deployment.class)).hasSize(RenderedChart.COMPONENTS.size());
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void theWebPortalServesItsPagesAndItsManagementEndpointsOnSeparatePorts(String values) {
		RenderedChart chart = RenderedChart.named(values);
		Deployment deployment = chart.deployment(RenderedChart.PORTAL);
		Service svc = chart.get(Service.class, objectName(RenderedChart.PORTAL));

		assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
			.isEqualTo(chart.get(ServiceAccount.class, objectName(RenderedChart.PORTAL)).getMetadata().getName());
		assertThat(container(deployment).getImage()).contains("/portal-web:");
		assertThat(container(deployment).getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("http", 8090),
					org.assertj.core.groups.Tuple.tuple("management", PORTAL_MANAGEMENT_PORT));
		assertThat(svc.getSpec().getPorts()).extracting(p -> p.getName(), p -> p.getPort(), p -> p.getTargetPort().getStrVal())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("http", 8090, "http"),
					org.assertj.core.groups.Tuple.tuple("management", PORTAL_MANAGEMENT_PORT, "management"));
		Map<String, EnvVar> env = env(deployment);
		assertThat(env.get("SERVER_PORT").getValue()).isEqualTo("8090");
		assertThat(env.get("MANAGEMENT_SERVER_PORT").getValue()).isEqualTo(String.valueOf(PORTAL_MANAGEMENT_PORT));
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void everyPodIsProbedOnTheActuatorHealthGroups(String values) {
		for (Deployment deployment : RenderedChart.named(values).all(Deployment.class)) {
			Container container = container(deployment);
			// probes on the management port only, never on the public one
			String port = "management";

			assertHttpProbe(container.getStartupProbe(), "/actuator/health/liveness", port);
			assertHttpProbe(container.getLivenessProbe(), "/actuator/health/liveness", port);
			assertHttpProbe(container.getReadinessProbe(), "/actuator/health/readiness", port);
			// the start-up probe gives a slow start (migrations, Kafka, Keycloak) at least a minute
			Probe startup = container.getStartupProbe();
			assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).isGreaterThanOrEqualTo(60);
		}
	}

	private static void assertHttpProbe(Probe probe, String path, String port) {
		assertThat(probe).isNotNull();
		assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
		assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo(port);
		assertThat(probe.getTimeoutSeconds()).isPositive();
		assertThat(probe.getFailureThreshold()).isPositive();
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void everyPodRequestsCpuAndMemoryAndHasAMemoryLimit(String values) {
		for (Deployment deployment : RenderedChart.named(values).all(Deployment.class)) {
			var resources = container(deployment).getResources();

			assertThat(resources.getRequests()).containsKeys("cpu", "memory");
			assertThat(resources.getLimits()).containsKey("memory");
			assertThat(Quantity.getAmountInBytes(resources.getLimits().get("memory")))
				.as("memory limit of %s", deployment.getMetadata().getName())
				.isGreaterThanOrEqualTo(Quantity.getAmountInBytes(resources.getRequests().get("memory")));
			assertThat(Quantity.getAmountInBytes(resources.getLimits().get("memory")))
				.isGreaterThanOrEqualTo(Quantity.getAmountInBytes(new Quantity("512Mi")));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void everyPodRunsAsNonRootWithAReadOnlyRootFileSystem(String values) {
		for (Deployment deployment : RenderedChart.named(values).all(Deployment.class)) {
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			Container container = container(deployment);
			var podSecurity = pod.getSecurityContext();
			var security = container.getSecurityContext();

			assertThat(podSecurity.getRunAsNonRoot()).isTrue();
			assertThat(podSecurity.getRunAsUser()).isPositive();
			assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
			assertThat(security.getRunAsNonRoot()).isTrue();
			assertThat(security.getReadOnlyRootFilesystem()).isTrue();
			assertThat(security.getAllowPrivilegeEscalation()).isFalse();
			assertThat(security.getPrivileged()).isFalse();
			assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
			assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
			assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
			assertThat(pod.getAutomountServiceAccountToken()).isFalse();
			// the JVM and Tomcat need a writable /tmp
			assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
				assertThat(mount.getMountPath()).isEqualTo("/tmp");
				Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
					.orElseThrow();
				assertThat(volume.getEmptyDir()).isNotNull();
			});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void podsOutliveTheirGracefulShutdownAndUpdatesKeepFullCapacity(String values) {
		for (Deployment deployment : RenderedChart.named(values).all(Deployment.class)) {
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			List<String> preStop = container(deployment).getLifecycle().getPreStop().getExec().getCommand();
			int preStopSeconds = Integer.parseInt(preStop.get(preStop.size() - 1).replaceAll("\\D+", ""));

			assertThat(pod.getTerminationGracePeriodSeconds())
				.isGreaterThan((long) preStopSeconds + GRACEFUL_SHUTDOWN_SECONDS);
			assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
			assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
			assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isPositive();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void everySelectorMatchesExactlyTheIntendedPods(String values) {
		RenderedChart chart = RenderedChart.named(values);
		List<Deployment> deployments = chart.all(Deployment.class);

		for (Deployment deployment : deployments) {
			Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
			assertThat(selects(deployment.getSpec().getSelector().getMatchLabels(), podLabels))
				.as("%s selects its own pods", deployment.getMetadata().getName()).isTrue();
			assertThat(deployment.getSpec().getSelector().getMatchExpressions()).isNullOrEmpty();
			for (TopologySpreadConstraint spread : deployment.getSpec().getTemplate().getSpec()
				.getTopologySpreadConstraints()) {
				assertThat(selectedDeployments(deployments, spread.getLabelSelector().getMatchLabels()))
					.containsExactly(deployment.getMetadata().getName());
			}
		}
		for (Service service : chart.all(Service.class)) {
			assertThat(selectedDeployments(deployments, service.getSpec().getSelector()))
				.as("pods behind Service %s", service.getMetadata().getName())
				.containsExactly(service.getMetadata().getName());
		}
		for (PodDisruptionBudget pdb : chart.all(PodDisruptionBudget.class)) {
			assertThat(selectedDeployments(deployments, pdb.getSpec().getSelector().getMatchLabels()))
				.containsExactly(pdb.getMetadata().getName());
		}
		for (NetworkPolicy policy : chart.all(NetworkPolicy.class)) {
			assertThat(selectedDeployments(deployments, policy.getSpec().getPodSelector().getMatchLabels()))
				.containsExactly(policy.getMetadata().getName());
		}
		for (HorizontalPodAutoscaler hpa : chart.all(HorizontalPodAutoscaler.class)) {
			assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
			assertThat(chart.find(Deployment.class, hpa.getSpec().getScaleTargetRef().getName())).isPresent();
		}
	}

	static List<String> selectedDeployments(List<Deployment> deployments, Map<String, String> selector) {
		return deployments.stream()
			.filter(d -> selects(selector, d.getSpec().getTemplate().getMetadata().getLabels()))
			.map(d -> d.getMetadata().getName())
			.toList();
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void imagesArePinnedNeverLatest(String values) {
		for (Deployment deployment : RenderedChart.named(values).all(Deployment.class)) {
			String image = container(deployment).getImage();
			String tag = image.substring(image.lastIndexOf(':') + 1);

			assertThat(image).as("image of %s has a tag", deployment.getMetadata().getName())
				.matches(".+/[a-z-]+:[A-Za-z0-9_.-]+");
			assertThat(tag).isNotEqualTo("latest");
			assertThat(image).doesNotContain(":latest");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void passwordsAndKeysComeOnlyFromExistingSecrets(String values) {
		RenderedChart chart = RenderedChart.named(values);

		assertThat(chart.all(Secret.class)).as("the chart never creates Secrets").isEmpty();
		for (Deployment deployment : chart.all(Deployment.class)) {
			List<String> inClear = new ArrayList<>();
			for (EnvVar var : container(deployment).getEnv()) {
				if (SECRET_ENV.matcher(var.getName()).matches()) {
					if (var.getValue() != null || var.getValueFrom() == null
							|| var.getValueFrom().getSecretKeyRef() == null) {
						inClear.add(var.getName());
					}
				}
			}
			assertThat(inClear).as("secret env of %s not from a Secret", deployment.getMetadata().getName()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void networkPoliciesExistWhenEnabledAndOnlyThePortalAndTheGatewayAreExposed(String values) {
		RenderedChart chart = RenderedChart.named(values);
		List<NetworkPolicy> policies = chart.all(NetworkPolicy.class);

		if (values.equals("minimal")) {
			assertThat(policies).as("the minimal example turns NetworkPolicies off").isEmpty();
		}
		else {
			assertThat(policies).extracting(p -> p.getMetadata().getName())
				.containsExactlyInAnyOrderElementsOf(RenderedChart.COMPONENTS.stream().map(RenderedChart::objectName).toList());
		}
		assertThat(chart.all(Service.class)).allSatisfy(s -> assertThat(s.getSpec().getType()).isEqualTo("ClusterIP"));
		// the pages at "/", everything else (the API and its documentation) through the gateway
		chart.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class)
			.forEach(ingress -> assertThat(ingress.getSpec().getRules())
				.flatExtracting(rule -> rule.getHttp().getPaths())
				.allSatisfy(path -> assertThat(path.getBackend().getService().getName())
					.isEqualTo(objectName(path.getPath().equals("/") ? RenderedChart.PORTAL : "gateway"))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void everyServiceGetsTheEnvironmentTheConventionsName(String values) {
		RenderedChart chart = RenderedChart.named(values);
		Set<String> all = Set.of("SERVER_PORT", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI",
				"SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI");
		Set<String> backend = Set.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "SPRING_KAFKA_BOOTSTRAPSERVERS");
		Map<String, Set<String>> own = Map.of("gateway",
				Set.of("PORTAL_GATEWAY_ROUTES_ACCOUNTSERVICEURL", "PORTAL_GATEWAY_ROUTES_ORDERSERVICEURL",
						"PORTAL_GATEWAY_ROUTES_LICENSESERVICEURL", "PORTAL_GATEWAY_ROUTES_NOTIFICATIONSERVICEURL",
						"PORTAL_GATEWAY_CORS_ALLOWEDORIGINS"),
				"account-service",
				Set.of("PORTAL_ACCOUNT_KEYCLOAK_ADMINURL", "PORTAL_ACCOUNT_KEYCLOAK_CLIENTSECRET",
						"PORTAL_ACCOUNT_INVITATIONS_ACCEPTBASEURL"),
				"order-service", Set.of("PORTAL_ORDER_PAYMENTS_PROVIDER", "PORTAL_ORDER_PAYMENTS_PORTALBASEURL",
						"PORTAL_ACCOUNTSERVICE_URL"),
				"license-service", Set.of("PORTAL_LICENSE_SIGNING_PRIVATEKEY", "PORTAL_LICENSE_SIGNING_PUBLICKEY",
						"PORTAL_ACCOUNTSERVICE_URL"),
				"notification-service",
				Set.of("SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "PORTAL_NOTIFICATIONS_FROM", "PORTAL_NOTIFICATIONS_BASEURL",
						"PORTAL_NOTIFICATIONS_UNSUBSCRIBE_SIGNINGKEY"));

		for (String service : RenderedChart.SERVICES) {
			Map<String, EnvVar> env = env(chart.deployment(service));
			assertThat(env.keySet()).as("env of %s", service).containsAll(all).containsAll(own.get(service));
			if (service.equals("gateway")) {
				assertThat(env.keySet()).doesNotContainAnyElementsOf(backend);
			}
			else {
				assertThat(env.keySet()).containsAll(backend);
			}
			assertThat(env.get("SERVER_PORT").getValue()).isEqualTo(String.valueOf(PORTS.get(service)));
			assertThat(container(chart.deployment(service)).getEnv().stream().map(EnvVar::getName)
				.collect(Collectors.groupingBy(n -> n, Collectors.counting())))
				.as("no variable is set twice in %s", service)
				.allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1L));
		}
	}

	@ParameterizedTest
	@CsvSource({ "default, customer-portal-stripe", "production, portal-stripe" })
	void stripeMovesTheMoneyWithItsKeysFromASecret(String values, String secret) {
		Map<String, EnvVar> env = env(RenderedChart.named(values).deployment("order-service"));
		assertThat(env.get("PORTAL_ORDER_PAYMENTS_PROVIDER").getValue()).isEqualTo("stripe");
		assertThat(env.get("PORTAL_ORDER_PAYMENTS_STRIPE_SECRETKEY").getValueFrom().getSecretKeyRef())
			.extracting(ref -> ref.getName(), ref -> ref.getKey())
			.containsExactly(secret, "secret-key");
		assertThat(env.get("PORTAL_ORDER_PAYMENTS_STRIPE_WEBHOOKSECRET").getValueFrom().getSecretKeyRef())
			.extracting(ref -> ref.getName(), ref -> ref.getKey())
			.containsExactly(secret, "webhook-secret");
		assertThat(env).doesNotContainKey("SPRING_PROFILES_ACTIVE");
	}

	@Test
	void theTestPaymentPageRunsOnlyWithADevelopmentProfile() {
		// the minimal example is for a developer's cluster: order-service refuses "simulated" without the profile
		Map<String, EnvVar> env = env(RenderedChart.minimal().deployment("order-service"));
		assertThat(env.get("PORTAL_ORDER_PAYMENTS_PROVIDER").getValue()).isEqualTo("simulated");
		assertThat(env.get("SPRING_PROFILES_ACTIVE").getValue()).isEqualTo("local");
		assertThat(env).doesNotContainKeys("PORTAL_ORDER_PAYMENTS_STRIPE_SECRETKEY", "PORTAL_ORDER_PAYMENTS_STRIPE_WEBHOOKSECRET");
		assertThat(env(RenderedChart.with(Map.of("services.order-service.returnUrlOrigins", "https://shop.example.com"))
			.deployment("order-service")).get("PORTAL_ORDER_PAYMENTS_RETURNURLORIGINS").getValue())
			.isEqualTo("https://shop.example.com");
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void theGatewayRoutesToTheRenderedServices(String values) {
		RenderedChart chart = RenderedChart.named(values);
		Map<String, EnvVar> env = env(chart.deployment("gateway"));

		for (String service : RenderedChart.SERVICES.subList(1, RenderedChart.SERVICES.size())) {
			String variable = "PORTAL_GATEWAY_ROUTES_" + service.replace("-", "").toUpperCase() + "URL";
			Service target = chart.get(Service.class, objectName(service));
			assertThat(env.get(variable).getValue()).isEqualTo(
					"http://" + target.getMetadata().getName() + ":" + target.getSpec().getPorts().get(0).getPort());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void theWebPortalGetsItsOwnEnvironmentAndNoKafka(String values) {
		RenderedChart chart = RenderedChart.named(values);
		Deployment portal = chart.deployment(RenderedChart.PORTAL);
		Map<String, EnvVar> env = env(portal);
		Service gateway = chart.get(Service.class, objectName("gateway"));

		assertThat(env.keySet()).containsAll(Set.of("SERVER_PORT", "MANAGEMENT_SERVER_PORT",
				"SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_KEYCLOAK_ISSUERURI", "SPRING_DATASOURCE_URL",
				"SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
				"SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_CLIENTSECRET", "PORTAL_WEB_APIURL",
				"SERVER_FORWARDHEADERSSTRATEGY"));
		// it talks to the gateway only: no Kafka; it finds Keycloak's keys through the issuer
		assertThat(env.keySet()).noneMatch(name -> name.startsWith("KAFKA_") || name.startsWith("PORTAL_EVENTS_")
				|| name.equals("SPRING_KAFKA_ADMIN_AUTOCREATE") || name.equals("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI")
				|| name.startsWith("PORTAL_GATEWAY_") || name.startsWith("PORTAL_ACCOUNTSERVICE_"));
		assertThat(env.get("PORTAL_WEB_APIURL").getValue()).isEqualTo(
				"http://" + gateway.getMetadata().getName() + ":" + gateway.getSpec().getPorts().get(0).getPort());
		assertThat(env.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_KEYCLOAK_ISSUERURI").getValue())
			.as("the same issuer as the services")
			.isEqualTo(env(chart.deployment("gateway")).get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI").getValue());
		assertThat(env.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_CLIENTSECRET").getValueFrom().getSecretKeyRef().getName()).isNotBlank();
		assertThat(env.get("SPRING_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isNotBlank();
		assertThat(env.get("SPRING_DATASOURCE_URL").getValue()).startsWith("jdbc:postgresql://").contains("portal_web");
		assertThat(env.get("SERVER_FORWARDHEADERSSTRATEGY").getValue())
			.isEqualTo(values.equals("minimal") ? "none" : "native");
		assertThat(container(portal).getEnv().stream().map(EnvVar::getName)
			.collect(Collectors.groupingBy(n -> n, Collectors.counting())))
			.as("no variable is set twice in the portal")
			.allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1L));
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "production", "minimal" })
	void orderAndLicenseServiceAskTheRenderedAccountServiceAboutMembershipsTheyDoNotKnowYet(String values) {
		RenderedChart chart = RenderedChart.named(values);
		Service accountService = chart.get(Service.class, objectName("account-service"));

		for (String service : List.of("order-service", "license-service")) {
			Map<String, EnvVar> env = env(chart.deployment(service));
			assertThat(env.get("PORTAL_ACCOUNTSERVICE_URL").getValue()).as(service).isEqualTo("http://"
					+ accountService.getMetadata().getName() + ":" + accountService.getSpec().getPorts().get(0).getPort());
			assertThat(env).as("%s: the service's own timeout unless global.membershipLookupTimeout is set", service)
				.doesNotContainKey("PORTAL_ACCOUNTSERVICE_TIMEOUT");
		}
	}

	static List<String> names(List<? extends HasMetadata> objects) {
		return objects.stream().map(o -> o.getMetadata().getName()).filter(Objects::nonNull).toList();
	}

}
