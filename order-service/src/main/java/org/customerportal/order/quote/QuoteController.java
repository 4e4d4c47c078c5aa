package org.customerportal.order.quote;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.customerportal.order.LicenseType;
import org.customerportal.order.PaymentMethod;
import org.customerportal.order.catalogue.SoldAs;
import org.customerportal.order.idempotency.Idempotency;
import org.customerportal.order.orders.OrderView;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Quotes", description = "Priced quotes that a company's members request and turn into orders.")
@RequestMapping("/api/quotes")
class QuoteController {

	private final Quotes quotes;

	private final Idempotency idempotency;

	QuoteController(Quotes quotes, Idempotency idempotency) {
		this.quotes = quotes;
		this.idempotency = idempotency;
	}

	@PostMapping
	@Operation(summary = "A priced quote for the caller's organisation, valid 30 days (members only)",
			description = "Prices the lines (product, license type, quota) from the price list of the organization's "
					+ "currency; the quote is valid for 30 days. Members of the organization only.")
	ResponseEntity<QuoteView> create(@Valid @RequestBody CreateQuote request, CurrentUser caller) {
		QuoteView quote = quotes.create(request.organizationId(),
				request.lines()
					.stream()
					.map(line -> new Quotes.Request(line.product(), line.licenseType(), line.quota()))
					.toList(),
				request.currency(), caller);
		return ResponseEntity.created(URI.create("/api/quotes/" + quote.id())).body(quote);
	}

	@GetMapping("/{quoteId}")
	@Operation(summary = "One quote (members of its organisation only)",
			description = "The quote with its lines, total and expiry. 404 for anyone but members of its organization.")
	QuoteView get(@PathVariable UUID quoteId, CurrentUser caller) {
		return quotes.get(quoteId, caller);
	}

	@PostMapping("/{quoteId}/order")
	@Operation(summary = "Turn an unexpired quote into an order, once; the caller becomes its first contact",
			description = "Places an order awaiting payment with the chosen payment method; the caller becomes the order's "
					+ "first contact. A quote is ordered once: 409 after.")
	ResponseEntity<OrderView> order(@PathVariable UUID quoteId, @Valid @RequestBody(required = false) OrderQuote request,
			@Parameter(description = "Repeat the request with the same key to get the first answer again")
			@RequestHeader(name = Idempotency.HEADER, required = false) @Size(min = 1, max = 255) String idempotencyKey,
			CurrentUser caller) {
		OrderQuote body = request != null ? request : new OrderQuote(null);
		quotes.recogniseCaller(quoteId, caller);
		return idempotency.execute(idempotencyKey, caller, "POST /api/quotes/" + quoteId + "/order", body,
				OrderView.class, () -> {
					OrderView order = quotes.order(quoteId, body.paymentMethod(), caller);
					return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(order);
				});
	}

	/** @param currency before the organisation's first order, the currency it chooses (default USD) */
	record CreateQuote(@NotNull UUID organizationId,
			@NotEmpty @Size(max = 50) List<@NotNull @Valid QuoteLineRequest> lines,
			@Pattern(regexp = "[A-Z]{3}") String currency) {
	}

	@SoldAs
	record QuoteLineRequest(@NotBlank String product, @NotNull LicenseType licenseType,
			@NotNull @Positive @Max(1_000_000) Integer quota) implements SoldAs.Line {
	}

	/** @param paymentMethod how the customer means to pay (optional; the payment decides) */
	record OrderQuote(PaymentMethod paymentMethod) {
	}

}
