package org.customerportal.portal.purchase;

import java.util.List;

import org.customerportal.portal.web.Quotas;

/**
 * The purchase form: one line per product of the catalogue; a quota of 0 (or none) means "not wanted".
 * Quotas stay text as entered, so that a wrong one is shown back as it was typed.
 */
record QuoteForm(List<Line> lines) {

	QuoteForm {
		lines = lines == null ? List.of() : lines;
	}

	static QuoteForm of(List<ProductView> products) {
		return new QuoteForm(products.stream()
			.map(product -> new Line(product.code(),
					product.licenseTypes().isEmpty() ? null : product.licenseTypes().get(0), "0"))
			.toList());
	}

	record Line(String product, String licenseType, String quota) {

		/** The quota as a number: 0 when left empty, null when it is not a whole number. */
		Integer amount() {
			return Quotas.parse(quota);
		}

	}

}
