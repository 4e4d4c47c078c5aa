package org.customerportal.platform.membership;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where account-service answers, for a service that asks it about a membership its read model does not
 * know yet. Setting {@code url} is what turns the {@link MembershipLookup} on.
 *
 * @param url account-service's base URL, e.g. {@code http://localhost:8081}
 * @param timeout how long a request waits for its answer before it is refused as before
 * @param openDuration how long the circuit stays open once half of the recent calls failed: calls are
 * then not even tried
 */
@ConfigurationProperties("portal.account-service")
public record AccountServiceProperties(URI url, @DefaultValue("2s") Duration timeout,
		@DefaultValue("30s") Duration openDuration) {
}
