package org.customerportal.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicPaths request patterns a service serves without a token, besides the health probes
 * @param audience the audience an access token must carry to be accepted (Keycloak's audience mapper
 * adds it to the tokens of the clients that call the API); {@code PORTAL_SECURITY_AUDIENCE}
 */
@ConfigurationProperties("portal.security")
public record PortalSecurityProperties(List<String> publicPaths, @DefaultValue("portal-api") String audience) {

	public PortalSecurityProperties {
		publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
	}

}
