package org.customerportal.account.removal;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.customerportal.platform.jobs.DueJobSettings;
import org.customerportal.platform.retry.RetryBackOff;

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
 * @param batchSize disablings claimed at a time
 * @param firstRetry the wait after a first failure, doubled after each further one
 * @param maxRetry the longest wait between two attempts (a disabling is retried for as long as it takes)
 */
@Validated
@ConfigurationProperties("portal.account.keycloak")
record KeycloakProperties(@DefaultValue("http://localhost:8180") @NotNull URI adminUrl,
		@DefaultValue("portal") @NotBlank String realm, @DefaultValue("account-service") @NotBlank String clientId,
		@NotBlank String clientSecret, @DefaultValue("5s") @NotNull Duration timeout,
		@DefaultValue("5s") Duration pollInterval, @DefaultValue("10") @Min(1) int batchSize,
		@DefaultValue("10s") Duration firstRetry, @DefaultValue("10m") Duration maxRetry) {

	/** The wait before the next attempt after failures: {@code firstRetry}, doubled, at most {@code maxRetry}. */
	RetryBackOff backOff() {
		return new RetryBackOff(firstRetry, maxRetry);
	}

	/** Never given up: a removed person must not keep a working Keycloak account. */
	DueJobSettings job() {
		return new DueJobSettings(pollInterval, batchSize, 0, backOff());
	}

	@Override
	public String toString() {
		return "KeycloakProperties[adminUrl=" + adminUrl + ", realm=" + realm + ", clientId=" + clientId + "]";
	}

}
