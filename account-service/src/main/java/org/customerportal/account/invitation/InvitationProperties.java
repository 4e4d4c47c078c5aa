package org.customerportal.account.invitation;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param acceptBaseUrl where the web portal is reached; the accept link is
 * {@code <acceptBaseUrl>/invitations/<id>?token=<token>}
 * @param validity how long an invitation can be accepted
 * @param dailyLimit how many invitations one company may send in any 24 hours (each one is an e-mail we
 * send on its behalf)
 */
@Validated
@ConfigurationProperties("portal.account.invitations")
record InvitationProperties(@NotNull URI acceptBaseUrl, @NotNull Duration validity, @Min(1) int dailyLimit) {
}
