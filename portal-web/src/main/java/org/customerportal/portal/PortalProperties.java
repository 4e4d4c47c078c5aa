package org.customerportal.portal;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param apiUrl the gateway, as this application reaches it (inside a cluster: its service address)
 * @param apiTimeout how long a page waits for one API call before it shows the "try again" page
 * @param formActionOrigins origins besides this one that a form may lead to: Keycloak (sign-out) and
 * the payment provider's hosted page (the Content-Security-Policy's {@code form-action})
 * @param supportEmail the address the pages name for help
 * @param salesEmail the address the pages name for e-mail changes and account removal
 */
@ConfigurationProperties("portal.web")
public record PortalProperties(@DefaultValue("http://localhost:8080") URI apiUrl,
		@DefaultValue("10s") Duration apiTimeout, @DefaultValue List<String> formActionOrigins,
		@DefaultValue("support@example.com") String supportEmail, @DefaultValue("sales@example.com") String salesEmail) {
}
