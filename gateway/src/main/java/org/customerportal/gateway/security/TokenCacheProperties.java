package org.customerportal.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many validated access tokens the gateway remembers, and for how long at most (never past
 * the token's own expiry): a user's next request skips the signature check.
 *
 * @param maxSize validated access tokens kept (entries are small: one decoded token each)
 * @param maxAge the longest a validated token is kept
 */
@ConfigurationProperties("portal.gateway.token-cache")
record TokenCacheProperties(@DefaultValue("5000") long maxSize, @DefaultValue("5m") Duration maxAge) {
}
