package org.customerportal.portal.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.customerportal.portal.PortalProperties;
import org.customerportal.portal.api.ApiCallsConfiguration;
import org.customerportal.portal.api.PortalApi;
import org.customerportal.portal.security.SecurityConfiguration;
import org.customerportal.portal.web.Formats;
import org.customerportal.portal.web.People;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * What a controller slice test of the portal needs besides the controller: the API client (pointed at
 * {@link Api}'s WireMock server), who is signed in, formats and the security configuration, with
 * Keycloak's endpoints given so that nothing looks Keycloak up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({ PortalApi.class, ApiCallsConfiguration.class, People.class, Formats.class, SecurityConfiguration.class, Api.Configuration.class })
@EnableConfigurationProperties(PortalProperties.class)
@ActiveProfiles("test")
@TestPropertySource(properties = {
		"spring.security.oauth2.client.registration.keycloak.client-id=portal-web-server",
		"spring.security.oauth2.client.registration.keycloak.client-secret=test",
		"spring.security.oauth2.client.registration.keycloak.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.keycloak.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.registration.keycloak.scope=openid,profile,email",
		"spring.security.oauth2.client.registration.keycloak.provider=keycloak-test",
		"spring.security.oauth2.client.provider.keycloak-test.authorization-uri=http://keycloak.test/auth",
		"spring.security.oauth2.client.provider.keycloak-test.token-uri=http://keycloak.test/token",
		"spring.security.oauth2.client.provider.keycloak-test.jwk-set-uri=http://keycloak.test/certs",
		"spring.security.oauth2.client.provider.keycloak-test.user-info-uri=http://keycloak.test/userinfo",
		"spring.security.oauth2.client.provider.keycloak-test.user-name-attribute=preferred_username" })
public @interface PortalSliceTest {

}
