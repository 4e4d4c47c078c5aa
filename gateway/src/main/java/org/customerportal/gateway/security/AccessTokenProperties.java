package org.customerportal.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param audience the audience an access token must carry to pass the gateway; the same setting
 * ({@code PORTAL_SECURITY_AUDIENCE}) as the services'
 */
@ConfigurationProperties("portal.security")
record AccessTokenProperties(@DefaultValue("portal-api") String audience) {
}
