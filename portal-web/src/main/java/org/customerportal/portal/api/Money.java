package org.customerportal.portal.api;

import java.math.BigDecimal;

/** An amount as the API sends it: a decimal string and its currency. */
public record Money(BigDecimal amount, String currency) {
}
