package org.customerportal.order.orders;

import java.math.BigDecimal;
import java.util.UUID;

import org.customerportal.order.LicenseType;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of an order. For a renewal {@code quota} is the licence's quota, for a quota expansion the
 * quota added; {@code licenseId} is null for a new purchase.
 */
@Table("order_line")
record OrderLine(UUID lineId, String product, String productName, LicenseType licenseType, int quota,
		UUID licenseId, int productVersion, BigDecimal unitPrice, BigDecimal amount) {
}
