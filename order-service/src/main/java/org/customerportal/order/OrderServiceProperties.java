package org.customerportal.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param quoteValidity how long a quote can be turned into an order
 * @param idempotencyRetention how long the first response to an Idempotency-Key is kept for repeats
 * @param defaultCurrency the currency of an organisation's first quote when it asks for none
 */
@ConfigurationProperties("portal.order")
public record OrderServiceProperties(@DefaultValue("30d") Duration quoteValidity,
		@DefaultValue("24h") Duration idempotencyRetention, @DefaultValue("USD") String defaultCurrency) {
}
