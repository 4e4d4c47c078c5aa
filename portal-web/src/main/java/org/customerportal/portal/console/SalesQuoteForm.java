package org.customerportal.portal.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.customerportal.portal.purchase.ProductView;
import org.customerportal.portal.web.Quotas;

/**
 * The sales console's quote form: one line per product (a quota of 0 means "not quoted"), a discount per
 * line as a percentage or an amount, the last valid day, a note and the members who get it besides the
 * primary contact. Numbers and the date stay text as entered, so a wrong one is shown back as typed.
 */
record SalesQuoteForm(List<Line> lines, String validUntil, String note, List<String> recipients) {

	static final String NONE = "NONE";

	static final String PERCENT = "PERCENT";

	static final String AMOUNT = "AMOUNT";

	SalesQuoteForm {
		lines = lines == null ? List.of() : lines;
		recipients = recipients == null ? List.of() : recipients;
	}

	static SalesQuoteForm of(List<ProductView> products, LocalDate validUntil) {
		return new SalesQuoteForm(products.stream()
			.map(product -> new Line(product.code(),
					product.licenseTypes().isEmpty() ? null : product.licenseTypes().get(0), "0", NONE, ""))
			.toList(), validUntil.toString(), "", List.of());
	}

	/**
	 * @param discountType {@link #NONE}, {@link #PERCENT} or {@link #AMOUNT}
	 */
	record Line(String product, String licenseType, String quota, String discountType, String discount) {

		/** The quota as a number: 0 when left empty, null when it is not a whole number. */
		Integer amount() {
			return Quotas.parse(quota);
		}

		boolean discounted() {
			return PERCENT.equals(discountType) || AMOUNT.equals(discountType);
		}

		/** The discount as a number, null when it is not one. */
		BigDecimal discountValue() {
			try {
				return new BigDecimal(discount == null ? "" : discount.strip().replace(",", ""));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
