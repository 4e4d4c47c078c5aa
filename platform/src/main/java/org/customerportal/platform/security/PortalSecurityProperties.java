package org.customerportal.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicPaths request patterns a service serves without a token, besides the health probes
 */
@ConfigurationProperties("portal.security")
public record PortalSecurityProperties(List<String> publicPaths) {

	public PortalSecurityProperties {
		publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
	}

}
