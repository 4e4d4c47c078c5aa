package org.customerportal.order.quote;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.customerportal.order.LicenseType;

import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A priced quote line: {@code listAmount} at the unit price, less {@code discount} (a sales quote's,
 * from {@code discountPercent} when given as a percentage), gives {@code amount}, what the order costs.
 */
@Table("quote_line")
record QuoteLine(String product, String productName, LicenseType licenseType, int quota, int productVersion,
		BigDecimal unitPrice, BigDecimal amount, BigDecimal listAmount, BigDecimal discountPercent,
		BigDecimal discount) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	@PersistenceCreator
	QuoteLine {
	}

	/** A line at list price. */
	QuoteLine(String product, String productName, LicenseType licenseType, int quota, int productVersion,
			BigDecimal unitPrice, BigDecimal amount) {
		this(product, productName, licenseType, quota, productVersion, unitPrice, amount, amount, null,
				BigDecimal.ZERO);
	}

	/** This line less a percentage (above 0, at most 100) of its list amount, to the cent. */
	QuoteLine lessPercent(BigDecimal percent) {
		BigDecimal off = listAmount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
		return less(off, percent);
	}

	/** This line less an amount; false if that would take it below zero. */
	boolean canTakeOff(BigDecimal off) {
		return off.compareTo(listAmount) <= 0;
	}

	QuoteLine lessAmount(BigDecimal off) {
		if (!canTakeOff(off)) {
			throw new IllegalArgumentException("A discount of " + off + " takes " + listAmount + " below zero");
		}
		return less(off.setScale(2, RoundingMode.HALF_EVEN), null);
	}

	private QuoteLine less(BigDecimal off, BigDecimal percent) {
		return new QuoteLine(product, productName, licenseType, quota, productVersion, unitPrice,
				listAmount.subtract(off), listAmount, percent, off);
	}

}
