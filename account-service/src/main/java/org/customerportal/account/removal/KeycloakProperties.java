package org.customerportal.account.removal;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
record KeycloakProperties(@DefaultValue("http://localhost:8180") @NotNull URI adminUrl,
		@DefaultValue("portal") @NotBlank String realm, @DefaultValue("account-service") @NotBlank String clientId,
		@NotBlank String clientSecret, @DefaultValue("5s") @NotNull Duration timeout, @NotNull Duration pollInterval,
		@NotNull Duration firstRetry, @NotNull Duration maxRetry) {

	/**
	 * The wait after the given number of failed attempts: {@code firstRetry}, doubled after each further
	 * failure, at most {@code maxRetry}.
	 */
	Duration retryAfter(int failedAttempts) {
		Duration wait = firstRetry;
		for (int i = 1; i < failedAttempts && wait.compareTo(maxRetry) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
	}

	@Override
	public String toString() {
		return "KeycloakProperties[adminUrl=" + adminUrl + ", realm=" + realm + ", clientId=" + clientId + "]";
	}

}
