package org.customerportal.order.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Public: the payment provider's signature is the authorisation. */
@RestController
@Tag(name = "Payment webhooks", description = "Signed notifications from the payment provider; public, checked by their signature.")
class PaymentWebhookController {

	private final PaymentWebhooks webhooks;

	PaymentWebhookController(PaymentWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping("/api/payments/webhooks/{provider}")
	@SecurityRequirements
	@Operation(summary = "The payment provider's signed notification (public; e.g. /api/payments/webhooks/stripe)",
			description = "The body is taken exactly as sent, since the signature covers it. A notification "
					+ "whose signature does not verify, or that was signed more than 5 minutes ago, answers 400 "
					+ "and changes nothing. Each provider event id is applied once; repeats answer 204 too. "
					+ "A success pays the order; a failure after a success changes nothing.")
	ResponseEntity<Void> receive(@PathVariable String provider, @RequestBody String payload,
			@RequestHeader HttpHeaders headers) {
		webhooks.receive(provider, payload, headers);
		return ResponseEntity.noContent().build();
	}

}
