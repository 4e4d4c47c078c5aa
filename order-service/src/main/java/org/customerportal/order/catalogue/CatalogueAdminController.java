package org.customerportal.order.catalogue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.customerportal.order.LicenseType;
import org.customerportal.order.catalogue.CatalogueAdmin.PriceFields;
import org.customerportal.order.catalogue.CatalogueAdmin.PriceList;
import org.customerportal.order.catalogue.CatalogueAdmin.ProductFields;
import org.customerportal.order.catalogue.CatalogueAdmin.Release;
import org.customerportal.order.catalogue.CatalogueAudit.Change;
import org.customerportal.order.catalogue.CatalogueAudit.SubjectType;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.web.PageResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor's side of the catalogue (sales and support staff): products, their releases, price lists
 * per currency, the audit trail, and the currency an organisation pays in. Changes carry the ETag the
 * caller saw in If-Match.
 */
@RestController
@Tag(name = "Catalogue administration", description = "Products, releases, price lists and billing currencies, managed by sales and support; every "
		+ "change is in the audit trail.")
class CatalogueAdminController {

	private static final String CODE = "[A-Z0-9][A-Z0-9-]{1,49}";

	private static final String CURRENCY = "[A-Z]{3}";

	// text that reaches PostgreSQL: no control characters (a NUL would fail the statement)
	private static final String TEXT = "\\P{Cntrl}*";

	private static final String NO_CONTROL = "must not contain control characters";

	private final CatalogueAdmin admin;

	private final Catalogue catalogue;

	private final CatalogueAudit audit;

	private final Currencies currencies;

	CatalogueAdminController(CatalogueAdmin admin, Catalogue catalogue, CatalogueAudit audit, Currencies currencies) {
		this.admin = admin;
		this.catalogue = catalogue;
		this.audit = audit;
		this.currencies = currencies;
	}

	record NewProduct(@NotBlank @Pattern(regexp = CODE) String code,
			@NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = NO_CONTROL) String name,
			@NotBlank @Size(max = 50) @Pattern(regexp = TEXT, message = NO_CONTROL) String quotaUnit, @NotEmpty Set<@NotNull LicenseType> licenseTypes,
			@NotNull @Min(1) @Max(10_000) Integer currentVersion, LocalDate releasedOn) {
	}

	record ProductChange(@NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = NO_CONTROL) String name,
			@NotBlank @Size(max = 50) @Pattern(regexp = TEXT, message = NO_CONTROL) String quotaUnit,
			@NotEmpty Set<@NotNull LicenseType> licenseTypes) {
	}

	record NewRelease(@NotNull @Min(1) @Max(10_000) Integer majorVersion, LocalDate releasedOn) {
	}

	record PriceRequest(@NotBlank @Size(max = 50) @Pattern(regexp = TEXT, message = NO_CONTROL) String product, @Positive @Digits(integer = 10, fraction = 2) BigDecimal annualUnitPrice,
			@Positive @Digits(integer = 10, fraction = 2) BigDecimal perpetualUnitPrice,
			@Positive @Digits(integer = 10, fraction = 2) BigDecimal maintenanceUnitPrice,
			@Positive @Digits(integer = 10, fraction = 2) BigDecimal upgradeUnitPrice) {
	}

	record PriceListRequest(@NotNull @Size(max = 500) List<@NotNull @Valid PriceRequest> prices) {
	}

	record CurrencyRequest(@NotNull @Pattern(regexp = CURRENCY) String currency) {
	}

	record CurrencyResponse(UUID organizationId, String currency, boolean chosen) {
	}

	@GetMapping("/api/products/{code}")
	@Operation(summary = "One product as defined, whatever its prices, with its ETag",
			description = "The product as sales defined it, also while no price list prices it. Its ETag header is what a "
					+ "change sends back in If-Match.")
	ResponseEntity<ProductDefinition> product(@PathVariable String code) {
		ProductDefinition product = catalogue.definition(code)
			.orElseThrow(() -> new NotFoundException("There is no product " + code + " in the catalogue."));
		return tagged(ResponseEntity.ok(), product.version()).body(product);
	}

	@PostMapping("/api/products")
	@Operation(summary = "A new product and its first major version (sales and support)",
			description = "Adds a product to the catalogue with its first major version; it is on sale once a price list "
					+ "prices it. Sales and support only.")
	ResponseEntity<ProductDefinition> create(@Valid @RequestBody NewProduct request, CurrentUser caller) {
		ProductDefinition product = admin.create(request.code(),
				new ProductFields(request.name().strip(), request.quotaUnit().strip(), request.licenseTypes()),
				request.currentVersion(), request.releasedOn(), caller);
		return tagged(ResponseEntity.created(URI.create("/api/products/" + product.code())), product.version())
			.body(product);
	}

	@PutMapping("/api/products/{code}")
	@Operation(summary = "Change a product (sales and support); If-Match: its ETag, 412 if it changed since, 428 without",
			description = "Changes the product's definition. Send the ETag of `GET /api/products/{code}` in If-Match: 412 "
					+ "if the product changed since, 428 without If-Match. Sales and support only.")
	ResponseEntity<ProductDefinition> change(@PathVariable String code, @Valid @RequestBody ProductChange request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, CurrentUser caller) {
		CatalogueAdmin.requireStaff(caller);
		long expected = version(ifMatch, "product " + code);
		ProductDefinition product = admin.change(code, expected,
				new ProductFields(request.name().strip(), request.quotaUnit().strip(), request.licenseTypes()), caller);
		return tagged(ResponseEntity.ok(), product.version()).body(product);
	}

	@GetMapping("/api/products/{code}/releases")
	@Operation(summary = "The product's major versions and their release dates, newest first",
			description = "The product's major versions with the dates they were released, newest first.")
	List<Release> releases(@PathVariable String code) {
		return admin.releases(code);
	}

	@PostMapping("/api/products/{code}/releases")
	@Operation(summary = "Release a newer major version (sales and support); 409 unless newer than the current one",
			description = "Valid annual licenses and perpetual licenses with valid maintenance may then upgrade to it for "
					+ "free. 409 unless it is newer than the current version. Sales and support only.")
	ResponseEntity<ProductDefinition> release(@PathVariable String code, @Valid @RequestBody NewRelease request,
			CurrentUser caller) {
		ProductDefinition product = admin.release(code, request.majorVersion(), request.releasedOn(), caller);
		return tagged(ResponseEntity.created(URI.create("/api/products/" + code + "/releases")), product.version())
			.body(product);
	}

	@GetMapping("/api/price-lists")
	@Operation(summary = "Every price list (sales and support)",
			description = "Every currency's price list with its prices per product. Sales and support only.")
	List<PriceList> priceLists(CurrentUser caller) {
		CatalogueAdmin.requireStaff(caller);
		return admin.priceLists();
	}

	@GetMapping("/api/price-lists/{currency}")
	@Operation(summary = "One currency's price list with its ETag (sales and support)",
			description = "The prices in one currency (its ISO 4217 code), with the ETag a change sends back in If-Match. "
					+ "Sales and support only.")
	ResponseEntity<PriceList> priceList(@PathVariable @Pattern(regexp = CURRENCY) String currency, CurrentUser caller) {
		CatalogueAdmin.requireStaff(caller);
		PriceList list = admin.priceList(currency);
		return tagged(ResponseEntity.ok(), list.version()).body(list);
	}

	@PutMapping("/api/price-lists/{currency}")
	@Operation(summary = "Create a price list (no If-Match) or replace its prices (If-Match: its ETag; 412 if it changed since)",
			description = "Without If-Match, creates the currency's price list; with If-Match (its ETag), replaces its "
					+ "prices, 412 if it changed since. Sales and support only.")
	ResponseEntity<PriceList> putPriceList(@PathVariable @Pattern(regexp = CURRENCY) String currency,
			@Valid @RequestBody PriceListRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, CurrentUser caller) {
		CatalogueAdmin.requireStaff(caller);
		Long expected = ifMatch == null ? null : version(ifMatch, "price list in " + currency);
		PriceList list = admin.putPriceList(currency, expected, request.prices()
			.stream()
			.map(p -> new PriceFields(p.product(), p.annualUnitPrice(), p.perpetualUnitPrice(),
					p.maintenanceUnitPrice(), p.upgradeUnitPrice()))
			.toList(), caller);
		return tagged(ifMatch == null && list.version() == 0 ? ResponseEntity.created(URI.create("/api/price-lists/" + currency))
				: ResponseEntity.ok(), list.version()).body(list);
	}

	@GetMapping("/api/catalogue-changes")
	@Operation(summary = "The catalogue's audit trail, newest first (sales and support)",
			description = "Who changed which product, release or price list, and when, newest first. Sales and support "
					+ "only.")
	PageResponse<Change> changes(@RequestParam(required = false) SubjectType subjectType,
			@RequestParam(required = false) @Size(max = 100) @Pattern(regexp = TEXT, message = NO_CONTROL) String subject,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, CurrentUser caller) {
		CatalogueAdmin.requireStaff(caller);
		return audit.changes(subjectType, subject, page, size);
	}

	@GetMapping("/api/billing-currencies/{organizationId}")
	@Operation(summary = "The currency the organisation pays in (sales and support)",
			description = "The currency in which the organization's quotes and orders are priced. Sales and support only.")
	CurrencyResponse currency(@PathVariable UUID organizationId, CurrentUser caller) {
		CatalogueAdmin.requireStaff(caller, "Only the vendor's sales and support staff see an organization's currency.");
		return currencies.of(organizationId)
			.map(currency -> new CurrencyResponse(organizationId, currency, true))
			.orElseGet(() -> new CurrencyResponse(organizationId, currencies.current(organizationId), false));
	}

	@PutMapping("/api/billing-currencies/{organizationId}")
	@Operation(summary = "Set the currency the organisation pays in from now on (sales and support)",
			description = "The organization's new quotes and orders are priced in this currency from now on; existing ones "
					+ "keep theirs. Sales and support only.")
	CurrencyResponse setCurrency(@PathVariable UUID organizationId, @Valid @RequestBody CurrencyRequest request,
			CurrentUser caller) {
		return new CurrencyResponse(organizationId, currencies.set(organizationId, request.currency(), caller), true);
	}

	private static ResponseEntity.BodyBuilder tagged(ResponseEntity.BodyBuilder builder, long version) {
		return builder.eTag("\"" + version + "\"");
	}

	/** The version in an If-Match ETag; 428 without one. */
	private static long version(String ifMatch, String what) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw CatalogueAdmin.preconditionRequired(what);
		}
		String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			throw CatalogueAdmin.stale(what);
		}
	}

}
