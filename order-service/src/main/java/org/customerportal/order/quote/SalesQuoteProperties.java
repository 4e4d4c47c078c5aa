package org.customerportal.order.quote;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxValidity how far ahead a sales quote's validity date may lie
 */
@ConfigurationProperties("portal.order.sales-quotes")
record SalesQuoteProperties(@DefaultValue("365d") Duration maxValidity) {
}
