package org.customerportal.order.quote;

import java.math.BigDecimal;

import org.customerportal.order.LicenseType;

import org.springframework.data.relational.core.mapping.Table;

@Table("quote_line")
record QuoteLine(String product, String productName, LicenseType licenseType, int quota, int productVersion,
		BigDecimal unitPrice, BigDecimal amount) {
}
