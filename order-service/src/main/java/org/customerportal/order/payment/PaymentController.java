package org.customerportal.order.payment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.customerportal.order.PaymentMethod;
import org.customerportal.order.idempotency.Idempotency;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.web.PageResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders/{orderId}/payments")
class PaymentController {

	private final Payments payments;

	PaymentController(Payments payments) {
		this.payments = payments;
	}

	@PostMapping
	@Operation(summary = "Pay an order: card and PayPal settle at once, wire transfer and check wait for support",
			description = "Contacts only. Send an Idempotency-Key header to make a retry safe: a repeat returns the "
					+ "first answer and never charges twice. The test card 4000 0000 0000 0002 is always declined. "
					+ "503 with Retry-After when the payment provider gives no answer: the payment is checked "
					+ "with the provider later, and a repeat with the same Idempotency-Key asks it again.")
	ResponseEntity<PaymentView> pay(@PathVariable UUID orderId, @Valid @RequestBody PayOrder request,
			@RequestHeader(name = Idempotency.HEADER, required = false) @Size(min = 1, max = 255) String idempotencyKey,
			CurrentUser caller) {
		return payments.pay(orderId, request.method(), request.card(), request.withoutSecrets(), idempotencyKey, caller);
	}

	@GetMapping
	@Operation(summary = "The order's payments, oldest first (contacts and support)")
	PageResponse<PaymentView> list(@PathVariable UUID orderId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, CurrentUser caller) {
		return PageResponse.of(payments.list(orderId, caller), page, size);
	}

	@PostMapping("/{paymentId}/confirm")
	@PreAuthorize("hasRole('support')")
	@Operation(summary = "Mark a wire transfer or check payment received (support only)")
	PaymentView confirm(@PathVariable UUID orderId, @PathVariable UUID paymentId, CurrentUser caller) {
		return payments.confirm(orderId, paymentId, caller);
	}

	/**
	 * @param card required for {@code CREDIT_CARD}, ignored otherwise
	 */
	@CardForCardPayments
	record PayOrder(@NotNull PaymentMethod method, @Valid CardDetails card) {

		/** What identifies the request for a repeat, without the card's secrets. */
		PayOrder withoutSecrets() {
			return new PayOrder(method,
					card == null ? null : new CardDetails("****" + card.last4(), card.expiryMonth(), card.expiryYear(), ""));
		}

	}

	/** A card payment names its card. */
	@Documented
	@Constraint(validatedBy = CardForCardPayments.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface CardForCardPayments {

		String message() default "is required for a credit card payment";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<CardForCardPayments, PayOrder> {

			@Override
			public boolean isValid(PayOrder order, ConstraintValidatorContext context) {
				if (order == null || order.method() != PaymentMethod.CREDIT_CARD || order.card() != null) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
					.addPropertyNode("card")
					.addConstraintViolation();
				return false;
			}

		}

	}

}
