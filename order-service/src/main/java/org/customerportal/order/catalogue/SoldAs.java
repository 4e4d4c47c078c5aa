package org.customerportal.order.catalogue;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.customerportal.order.LicenseType;

/**
 * On a request line: its {@code product} is in the catalogue and sold as its {@code licenseType}.
 * A violation names the field, so the caller gets a 400 pointing at it.
 */
@Documented
@Constraint(validatedBy = SoldAs.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface SoldAs {

	String message() default "is not in the catalogue";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** A request line naming a product and a licence type. */
	interface Line {

		String product();

		LicenseType licenseType();

	}

	class Validator implements ConstraintValidator<SoldAs, Line> {

		private final Catalogue catalogue;

		Validator(Catalogue catalogue) {
			this.catalogue = catalogue;
		}

		@Override
		public boolean isValid(Line line, ConstraintValidatorContext context) {
			if (line == null || line.product() == null || line.product().isBlank()) {
				return true; // @NotBlank reports it
			}
			ProductDefinition product = catalogue.definition(line.product()).orElse(null);
			if (product == null) {
				return violation(context, "product", "is not a product of the catalogue");
			}
			if (line.licenseType() != null && !product.soldAs(line.licenseType())) {
				return violation(context, "licenseType",
						"is not available for " + product.name() + " (sold as " + product.licenseTypes() + ")");
			}
			return true;
		}

		private static boolean violation(ConstraintValidatorContext context, String field, String message) {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
				.addPropertyNode(field)
				.addConstraintViolation();
			return false;
		}

	}

}
