package org.customerportal.launcher;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEnvironmentTest {

	@Test
	void everyServiceListensOnLoopbackOnlyOnItsFixedPorts() {
		for (ServiceEnvironment.Service service : ServiceEnvironment.SERVICES) {
			Map<String, String> env = ServiceEnvironment.of(service, "1");

			assertThat(env).containsEntry("SERVER_ADDRESS", "127.0.0.1")
				.containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1")
				.containsEntry("SERVER_PORT", Integer.toString(service.port()))
				.containsEntry("MANAGEMENT_SERVER_PORT", Integer.toString(service.managementPort()))
				.containsEntry("SPRING_PROFILES_ACTIVE", "local");
		}
	}

	@Test
	void servicesWithKafkaClientsWaitForKafkaAndKeycloakThePortalForKeycloak() {
		// their Kafka clients log in with Keycloak tokens while they start
		assertThat(ServiceEnvironment.service("notification-service").needs()).containsExactlyInAnyOrder(Needs.KAFKA,
				Needs.KEYCLOAK);
		assertThat(ServiceEnvironment.service("portal-web").needs()).containsExactly(Needs.KEYCLOAK);
		// the gateway fetches Keycloak's keys on its first call only
		assertThat(ServiceEnvironment.service("gateway").needs()).isEmpty();
	}

	@Test
	void eachServiceWithADatabaseGetsItsOwn() {
		assertThat(ServiceEnvironment.of(ServiceEnvironment.service("order-service"), "1"))
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:15432/order_service");
		assertThat(ServiceEnvironment.of(ServiceEnvironment.service("portal-web"), "1"))
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:15432/portal_web");
		assertThat(ServiceEnvironment.of(ServiceEnvironment.service("gateway"), "1")).doesNotContainKey("SPRING_DATASOURCE_URL");
	}

	@Test
	void kafkaClientsAreTheServicesOwnAndOnlyWhereTheyUseKafka() {
		assertThat(ServiceEnvironment.of(ServiceEnvironment.service("license-service"), "1"))
			.containsEntry("PORTAL_KAFKA_OAUTH_CLIENTID", "license-service-kafka")
			.containsEntry("PORTAL_KAFKA_OAUTH_CLIENTSECRET", "license-service-kafka-local-secret")
			.containsEntry("PORTAL_KAFKA_OAUTH_TOKENENDPOINTURL",
					"http://localhost:8180/realms/portal/protocol/openid-connect/token");
		assertThat(ServiceEnvironment.of(ServiceEnvironment.service("portal-web"), "1"))
			.doesNotContainKey("PORTAL_KAFKA_OAUTH_CLIENTID");
	}

	@Test
	void theGatewayRoutesToTheServicesAndKeepsItsEventLoopSmallUnlessToldOtherwise() {
		ServiceEnvironment.Service gateway = ServiceEnvironment.service("gateway");

		assertThat(ServiceEnvironment.of(gateway, "1")).containsEntry("PORTAL_GATEWAY_ROUTES_ACCOUNTSERVICEURL", "http://localhost:8081")
			.containsEntry("PORTAL_GATEWAY_ROUTES_NOTIFICATIONSERVICEURL", "http://localhost:8084")
			.containsEntry("GATEWAY_IO_THREADS", "1");
		assertThat(ServiceEnvironment.of(gateway, "")).doesNotContainKey("GATEWAY_IO_THREADS");
	}

	@Test
	void orderServiceUsesTheSimulatedPaymentProviderThroughTheGateway() {
		assertThat(ServiceEnvironment.of(ServiceEnvironment.service("order-service"), "1"))
			.containsEntry("PORTAL_ORDER_PAYMENTS_PROVIDER", "simulated")
			.containsEntry("PORTAL_ORDER_PAYMENTS_SIMULATED_PAGEBASEURL", "http://localhost:8080");
	}

}
