package org.customerportal.order.payment;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
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
@Tag(name = "Payments", description = "Paying an order on the payment provider's hosted page or by wire transfer and check, and its "
		+ "payments and refunds.")
@RequestMapping("/api/orders/{orderId}/payments")
class PaymentController {

	static final String NO_CARD_DETAILS = "is not accepted: card details are entered on the payment provider's "
			+ "page, never sent to the portal. Leave card out and send the customer to the redirectUrl of the answer";

	private final Payments payments;

	PaymentController(Payments payments) {
		this.payments = payments;
	}

	@PostMapping
	@Operation(summary = "Pay an order: card and PayPal on the payment provider's page, wire transfer and check "
			+ "confirmed by support",
			description = "Contacts only. For CREDIT_CARD and PAYPAL the answer is a PENDING payment whose "
					+ "redirectUrl is the payment provider's hosted page: send the customer's browser there. The "
					+ "provider sends them back to returnUrl (default: the portal's page of the order) with "
					+ "?payment=succeeded or ?payment=declined added (Stripe: succeeded or cancelled), and the "
					+ "order becomes PAID when the provider's signed notification confirms the payment: poll the "
					+ "order. returnUrl must be an address of the portal (400 otherwise). Card details are never "
					+ "sent to the portal: a body with card answers 400. Paying again while a card or PayPal "
					+ "payment is still open on the provider's page replaces it (its page closes). WIRE_TRANSFER "
					+ "and CHECK answer PENDING with instructions until support confirms the money arrived. "
					+ "Send an Idempotency-Key header to make a retry safe: a repeat returns the first answer. "
					+ "503 with Retry-After when the payment provider gives no answer: the payment is checked "
					+ "with the provider later, and a repeat with the same Idempotency-Key asks it again.")
	ResponseEntity<PaymentView> pay(@PathVariable UUID orderId, @Valid @RequestBody PayOrder request,
			@RequestHeader(name = Idempotency.HEADER, required = false) @Size(min = 1, max = 255) String idempotencyKey,
			CurrentUser caller) {
		return payments.pay(orderId, request.method(), request.returnUrl(), request, idempotencyKey, caller)
			.toResponse();
	}

	@GetMapping
	@Operation(summary = "The order's payments, oldest first (contacts and support)",
			description = "Every payment of the order with its method, state and amount, oldest first. 404 for anyone but "
					+ "the order's contacts and support.")
	PageResponse<PaymentView> list(@PathVariable UUID orderId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, CurrentUser caller) {
		return PageResponse.of(payments.list(orderId, caller), page, size);
	}

	@PostMapping("/{paymentId}/confirm")
	@PreAuthorize("hasRole('support')")
	@Operation(summary = "Mark a wire transfer or check payment received (support only)",
			description = "Support records that a wire transfer or check arrived: the payment settles and the order "
					+ "becomes PAID, which issues or extends its licenses. 403 for anyone but support.")
	PaymentView confirm(@PathVariable UUID orderId, @PathVariable UUID paymentId, CurrentUser caller) {
		return payments.confirm(orderId, paymentId, caller);
	}

	@PostMapping("/{paymentId}/refund")
	@PreAuthorize("hasRole('support')")
	@Operation(summary = "Refund a settled payment (support only)",
			description = "Card and PayPal payments are refunded through the payment provider; a wire transfer "
					+ "or check is sent back from the bank account by hand and only recorded. The payment becomes "
					+ "REFUNDED; the order stays paid. Repeating it is harmless: the provider refunds once. 409 "
					+ "if the payment is not settled; 503 with Retry-After when the provider gives no answer "
					+ "(nothing was refunded).")
	PaymentView refund(@PathVariable UUID orderId, @PathVariable UUID paymentId, CurrentUser caller) {
		return payments.refund(orderId, paymentId, caller);
	}

	/**
	 * @param returnUrl where the provider's page sends the browser back to; an address of the portal
	 * @param card never accepted (card data does not reach the portal); named so that a client still
	 * sending it hears why instead of having it ignored
	 */
	record PayOrder(@NotNull PaymentMethod method, @Size(max = 2000) String returnUrl,
			@Null(message = NO_CARD_DETAILS) @Schema(hidden = true) Object card) {
	}

}
