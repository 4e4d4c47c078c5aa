package org.customerportal.order.quote;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.customerportal.order.LicenseType;
import org.customerportal.order.catalogue.SoldAs;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sales console's quotes (role {@code sales} only): made for a company and mailed to its people.
 */
@RestController
@Tag(name = "Sales quotes", description = "Quotes with discounts, a validity date and a note that sales send to a company.")
@PreAuthorize("hasRole('sales')")
class SalesQuoteController {

	private final SalesQuotes salesQuotes;

	SalesQuoteController(SalesQuotes salesQuotes) {
		this.salesQuotes = salesQuotes;
	}

	@PostMapping("/api/sales-quotes")
	@Operation(summary = "A quote for a company, with discounts, a validity date and a note, sent to its people (sales only)",
			description = "Mailed to the company's primary contact and the named recipients, who must be members. "
					+ "A member orders it with POST /api/quotes/{id}/order. 403 for anyone but sales.")
	ResponseEntity<SentQuote> send(@Valid @RequestBody SendQuote request, CurrentUser caller) {
		SalesQuotes.Sent sent = salesQuotes.send(new SalesQuotes.Request(request.organizationId(),
				request.lines()
					.stream()
					.map(line -> new SalesQuotes.Line(line.product(), line.licenseType(), line.quota(),
							line.discount() == null ? null
									: new SalesQuotes.Discount(line.discount().percent(), line.discount().amount())))
					.toList(),
				request.validUntil(), request.note(), request.recipients()), caller);
		return ResponseEntity.created(URI.create("/api/quotes/" + sent.quote().id()))
			.body(new SentQuote(sent.quote(), sent.sentTo()));
	}

	/**
	 * @param validUntil the last day (UTC) the quote can be ordered
	 * @param recipients e-mail addresses of members who get the quote besides the primary contact
	 */
	record SendQuote(@NotNull UUID organizationId,
			@NotEmpty @Size(max = 50) List<@NotNull @Valid SalesLine> lines, @NotNull LocalDate validUntil,
			@Size(max = 2000) String note,
			@Size(max = 20) List<@NotBlank @Email @Size(max = 254) String> recipients) {
	}

	@SoldAs
	record SalesLine(@NotBlank String product, @NotNull LicenseType licenseType,
			@NotNull @Positive @Max(1_000_000) Integer quota, @Valid Discount discount) implements SoldAs.Line {
	}

	/** Either a percentage of the line's list amount or an amount in the quote's currency. */
	record Discount(@DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal percent,
			@DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2) BigDecimal amount) {
	}

	/** The quote as {@code GET /api/quotes/{id}} shows it, and who it was sent to. */
	record SentQuote(@JsonUnwrapped QuoteView quote, List<QuoteSent.Recipient> sentTo) {
	}

}
