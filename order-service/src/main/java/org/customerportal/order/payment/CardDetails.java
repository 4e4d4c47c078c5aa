package org.customerportal.order.payment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.CreditCardNumber;

/**
 * A card as the payment form sends it; only its last four digits are kept.
 */
record CardDetails(
		@NotBlank @Pattern(regexp = "[0-9 ]{12,23}", message = "must be 12 to 19 digits") @CreditCardNumber(
				ignoreNonDigitCharacters = true, message = "is not a valid card number") String number,
		@NotNull @Min(1) @Max(12) Integer expiryMonth, @NotNull @Min(2000) @Max(2100) Integer expiryYear,
		@NotBlank @Pattern(regexp = "[0-9]{3,4}", message = "must be 3 or 4 digits") String cvc) {

	String digits() {
		return number.replaceAll("[^0-9]", "");
	}

	String last4() {
		String digits = digits();
		return digits.substring(digits.length() - 4);
	}

	@Override
	public String toString() {
		return "CardDetails[****" + last4() + "]";
	}

}
