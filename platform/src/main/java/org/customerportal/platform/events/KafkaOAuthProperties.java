package org.customerportal.platform.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every Kafka client of a service (producer, consumers, admin) authenticates to a broker that requires
 * it: SASL OAUTHBEARER with the service's own Keycloak client (client credentials grant). Unset client
 * id: the clients connect without authentication, as to the embedded broker of the integration tests.
 * Set through the environment: {@code PORTAL_KAFKA_OAUTH_CLIENTID}, {@code _CLIENTSECRET},
 * {@code _TOKENENDPOINTURL}, {@code _SECURITYPROTOCOL}.
 *
 * @param clientId the Keycloak client of this service; the broker sees it as principal {@code User:<clientId>}
 * @param clientSecret its secret
 * @param tokenEndpointUrl Keycloak's token endpoint, e.g. {@code https://sso.example.com/realms/portal/protocol/openid-connect/token}
 * @param securityProtocol {@code SASL_SSL} where the broker offers TLS (trust store through
 * {@code spring.kafka.ssl.*}), {@code SASL_PLAINTEXT} on a trusted network
 */
@ConfigurationProperties("portal.kafka.oauth")
public record KafkaOAuthProperties(String clientId, String clientSecret, String tokenEndpointUrl,
		@DefaultValue("SASL_PLAINTEXT") String securityProtocol) {

	boolean enabled() {
		return clientId != null && !clientId.isBlank();
	}

}
