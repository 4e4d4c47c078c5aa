package org.customerportal.license.validation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cacheMaximumSize licence keys kept in memory at most (about 200 bytes each); the least useful
 * are evicted first
 * @param cacheExpireAfterWrite how long an entry is kept before it is read again from the database: this
 * instance refreshes an entry as soon as it changes a licence, so this only bounds how long another
 * instance's change can take to show here
 */
@ConfigurationProperties("portal.license.validation")
record ValidationProperties(@DefaultValue("200000") long cacheMaximumSize,
		@DefaultValue("5m") Duration cacheExpireAfterWrite) {
}
