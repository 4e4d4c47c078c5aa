package org.customerportal.account.removal;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.customerportal.platform.retry.RetryBackOff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How account-service reaches the Keycloak admin API, as a client with a service account allowed to
 * manage the realm's users (client credentials grant).
 * @param adminUrl Keycloak's base URL, e.g. {@code http://localhost:8180}
 * @param realm the realm of the portal's users
 * @param clientId the confidential client whose service account is used
 * @param clientSecret its secret
 * @param timeout connect and read timeout of each call
 * @param pollInterval how often pending disablings are looked at
 * @param firstRetry the wait after a first failure, doubled after each further one
 * @param maxRetry the longest wait between two attempts
 */
@Validated
@ConfigurationProperties("portal.account.keycloak")
record KeycloakProperties(@NotNull URI adminUrl, @NotBlank String realm, @NotBlank String clientId,
		@NotBlank String clientSecret, @NotNull Duration timeout, @NotNull Duration pollInterval,
		@NotNull Duration firstRetry, @NotNull Duration maxRetry) {

	/** The wait before the next attempt after failures: {@code firstRetry}, doubled, at most {@code maxRetry}. */
	RetryBackOff backOff() {
		return new RetryBackOff(firstRetry, maxRetry);
	}

	@Override
	public String toString() {
		return "KeycloakProperties[adminUrl=" + adminUrl + ", realm=" + realm + ", clientId=" + clientId + "]";
	}

}
