package org.customerportal.account.invitation;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param acceptBaseUrl the web portal's public address; the accept link is
 * {@code <acceptBaseUrl>/invitations/<id>?token=<token>}
 * @param validity how long an invitation can be accepted
 * @param dailyLimit how many invitations one company may send in any 24 hours (each one is an e-mail we
 * send on its behalf)
 */
@Validated
@ConfigurationProperties("portal.account.invitations")
record InvitationProperties(@DefaultValue("http://localhost:8080") @NotNull URI acceptBaseUrl,
		@DefaultValue("14d") @NotNull Duration validity, @DefaultValue("50") @Min(1) int dailyLimit) {
}
