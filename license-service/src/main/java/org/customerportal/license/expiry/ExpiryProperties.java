package org.customerportal.license.expiry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param interval how often one instance looks for licences whose end date has come
 * @param initialDelay the wait after start-up before the first look
 */
@ConfigurationProperties("portal.license.expiry")
record ExpiryProperties(@DefaultValue("15m") Duration interval, @DefaultValue("30s") Duration initialDelay) {
}
