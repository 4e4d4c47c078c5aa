package org.customerportal.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowedOrigins the web portal's origins that may call the API from a browser (comma separated)
 */
@ConfigurationProperties("portal.gateway.cors")
record CorsProperties(@DefaultValue("http://localhost:3000") List<String> allowedOrigins) {

	CorsProperties {
		allowedOrigins = allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
	}

}
