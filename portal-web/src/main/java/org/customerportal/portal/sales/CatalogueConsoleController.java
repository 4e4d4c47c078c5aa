package org.customerportal.portal.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.Money;
import org.customerportal.portal.api.Page;
import org.customerportal.portal.api.PortalApi;
import org.customerportal.portal.web.FormErrors;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sales console, for the vendor's sales staff (and support; the security configuration admits both
 * to {@code /sales/**}, the API checks again): the products with their releases, and the price lists per
 * currency. Every change sends back the version the person saw (If-Match), so that nobody overwrites a
 * colleague's change without seeing it.
 */
@Controller
@RequestMapping("/sales")
class CatalogueConsoleController {

	private static final ParameterizedTypeReference<Page<PricedProduct>> PRODUCTS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<PriceList>> PRICE_LISTS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Release>> RELEASES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Page<Change>> CHANGES = new ParameterizedTypeReference<>() {
	};

	private final PortalApi api;

	CatalogueConsoleController(PortalApi api) {
		this.api = api;
	}

	// ---- products

	@GetMapping("/products")
	String products(@RequestParam(defaultValue = "USD") @Pattern(regexp = "[A-Z]{3}") String currency, Model model) {
		if (!model.containsAttribute("productForm")) {
			model.addAttribute("productForm", new ProductForm(null, null, null, Set.of("ANNUAL"), 1));
		}
		return productsPage(currency, model);
	}

	@PostMapping("/products")
	String create(@Valid @ModelAttribute("productForm") ProductForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				api.post(Product.class, form, "/api/products");
				redirect.addFlashAttribute("notice", "Product " + form.code() + " is in the catalogue with version "
						+ form.currentVersion() + ". Add its prices to each price list it is sold in.");
				return "redirect:/sales/products/" + form.code();
			}
			catch (ApiProblem problem) {
				FormErrors.show(problem, errors, "code");
			}
		}
		return productsPage("USD", model);
	}

	private String productsPage(String currency, Model model) {
		model.addAttribute("currency", currency);
		model.addAttribute("currencies", api.get(PRICE_LISTS, "/api/price-lists").stream().map(PriceList::currency).toList());
		model.addAttribute("products", api.get(PRODUCTS, "/api/products?currency={currency}&size=100", currency).items());
		return "sales/products";
	}

	@GetMapping("/products/{code}")
	String product(@PathVariable String code, Model model) {
		return productPage(code, model);
	}

	@PostMapping("/products/{code}")
	String change(@PathVariable String code, @Valid @ModelAttribute("changeForm") ChangeForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				api.put(Product.class, new ProductChange(form.name(), form.quotaUnit(), form.licenseTypes()),
						ifMatch(form.version()), "/api/products/{code}", code);
				redirect.addFlashAttribute("notice", "Product " + code + " is changed.");
				return "redirect:/sales/products/" + code;
			}
			catch (ApiProblem problem) {
				FormErrors.show(problem, errors, "name");
			}
		}
		return productPage(code, model);
	}

	@PostMapping("/products/{code}/releases")
	String release(@PathVariable String code, @Valid @ModelAttribute("releaseForm") ReleaseForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				api.post(Product.class, form, "/api/products/{code}/releases", code);
				redirect.addFlashAttribute("notice", "Version " + form.majorVersion() + " of " + code
						+ " is released: trials start on it and covered licences upgrade to it for free.");
				return "redirect:/sales/products/" + code;
			}
			catch (ApiProblem problem) {
				FormErrors.show(problem, errors, "majorVersion");
			}
		}
		return productPage(code, model);
	}

	private String productPage(String code, Model model) {
		Product product = api.get(Product.class, "/api/products/{code}", code);
		model.addAttribute("product", product);
		model.addAttribute("releases", api.get(RELEASES, "/api/products/{code}/releases", code));
		model.addAttribute("changes",
				api.get(CHANGES, "/api/catalogue-changes?subject={code}&size=10", code).items());
		if (!model.containsAttribute("changeForm")) {
			model.addAttribute("changeForm", new ChangeForm(product.name(), product.quotaUnit(), product.licenseTypes(),
					etag(product.version())));
		}
		if (!model.containsAttribute("releaseForm")) {
			model.addAttribute("releaseForm", new ReleaseForm(product.currentVersion() + 1, null));
		}
		return "sales/product";
	}

	// ---- price lists

	@GetMapping("/price-lists")
	String priceLists(Model model) {
		if (!model.containsAttribute("newListForm")) {
			model.addAttribute("newListForm", new NewListForm(null));
		}
		model.addAttribute("priceLists", api.get(PRICE_LISTS, "/api/price-lists"));
		return "sales/price-lists";
	}

	@PostMapping("/price-lists")
	String createList(@Valid @ModelAttribute("newListForm") NewListForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				api.put(PriceList.class, new PriceListRequest(List.of()), new HttpHeaders(), "/api/price-lists/{currency}",
						form.currency());
				redirect.addFlashAttribute("notice", "The price list in " + form.currency()
						+ " is created. Add the products sold in " + form.currency() + ".");
				return "redirect:/sales/price-lists/" + form.currency();
			}
			catch (ApiProblem problem) {
				FormErrors.show(problem, errors, "currency");
			}
		}
		return priceLists(model);
	}

	@GetMapping("/price-lists/{currency}")
	String priceList(@PathVariable @Pattern(regexp = "[A-Z]{3}") String currency, Model model) {
		return priceListPage(currency, model);
	}

	@PostMapping("/price-lists/{currency}")
	String changeList(@PathVariable @Pattern(regexp = "[A-Z]{3}") String currency,
			@ModelAttribute("priceListForm") PriceListForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		// the empty row for a new product may stay empty; it is the last one, so API field indexes match
		List<PriceRequest> prices = form.prices() == null ? List.of()
				: form.prices().stream().filter(row -> row.product() != null && !row.product().isBlank())
					.map(PriceRow::request)
					.toList();
		try {
			api.put(PriceList.class, new PriceListRequest(prices), ifMatch(form.version()), "/api/price-lists/{currency}",
					currency);
			redirect.addFlashAttribute("notice", "The price list in " + currency + " is saved.");
			return "redirect:/sales/price-lists/" + currency;
		}
		catch (ApiProblem problem) {
			FormErrors.show(problem, errors, null);
		}
		model.addAttribute("currency", currency);
		return "sales/price-list";
	}

	private String priceListPage(String currency, Model model) {
		PriceList list = api.get(PriceList.class, "/api/price-lists/{currency}", currency);
		List<PriceRow> rows = new ArrayList<>();
		for (Price price : list.prices()) {
			rows.add(new PriceRow(price.product(), amount(price.annualUnitPrice()), amount(price.perpetualUnitPrice()),
					amount(price.maintenanceUnitPrice()), amount(price.upgradeUnitPrice())));
		}
		rows.add(new PriceRow(null, null, null, null, null));
		model.addAttribute("currency", currency);
		model.addAttribute("list", list);
		model.addAttribute("priceListForm", new PriceListForm(etag(list.version()), rows));
		return "sales/price-list";
	}

	private static String amount(Money money) {
		return money == null ? null : money.amount().toPlainString();
	}

	/** The ETag of what the API answered: its version (the body carries it; a proxy may change the header). */
	private static String etag(long version) {
		return "\"" + version + "\"";
	}

	private static HttpHeaders ifMatch(String etag) {
		HttpHeaders headers = new HttpHeaders();
		if (etag != null && !etag.isBlank()) {
			headers.setIfMatch(etag);
		}
		return headers;
	}

	// ---- what the API answers and takes

	record PricedProduct(String code, String name, Set<String> licenseTypes, java.util.Map<String, Money> unitPrice,
			Money maintenancePrice, Money upgradePrice, String quotaUnit, int currentVersion) {
	}

	record Product(String code, String name, String quotaUnit, Set<String> licenseTypes, int currentVersion,
			long version, Instant updatedAt, String updatedBy) {
	}

	record Release(int majorVersion, LocalDate releasedOn, String releasedBy, Instant releasedAt) {
	}

	record Change(long id, Instant changedAt, String changedBy, String subjectType, String subject, String action) {
	}

	record Price(String product, Money annualUnitPrice, Money perpetualUnitPrice, Money maintenanceUnitPrice,
			Money upgradeUnitPrice) {
	}

	record PriceList(String currency, long version, Instant updatedAt, String updatedBy, List<Price> prices) {
	}

	record ProductChange(String name, String quotaUnit, Set<String> licenseTypes) {
	}

	record PriceRequest(String product, BigDecimal annualUnitPrice, BigDecimal perpetualUnitPrice,
			BigDecimal maintenanceUnitPrice, BigDecimal upgradeUnitPrice) {
	}

	record PriceListRequest(List<PriceRequest> prices) {
	}

	// ---- forms

	record ProductForm(@NotBlank(message = "Enter the product code") String code,
			@NotBlank(message = "Enter the product's name") String name,
			@NotBlank(message = "Enter what one unit of quota is, e.g. developer") String quotaUnit,
			@NotEmpty(message = "Choose how the product is sold") Set<String> licenseTypes,
			@NotNull(message = "Enter the first version") @Positive(message = "Enter a version greater than 0") Integer currentVersion) {
	}

	record ChangeForm(@NotBlank(message = "Enter the product's name") String name,
			@NotBlank(message = "Enter what one unit of quota is, e.g. developer") String quotaUnit,
			@NotEmpty(message = "Choose how the product is sold") Set<String> licenseTypes, String version) {
	}

	record ReleaseForm(@NotNull(message = "Enter the new major version") @Positive(message = "Enter a version greater than 0") Integer majorVersion,
			LocalDate releasedOn) {
	}

	record NewListForm(@NotBlank(message = "Enter a currency code, e.g. CHF")
	@Pattern(regexp = "[A-Z]{3}", message = "Enter a currency code of three capital letters, e.g. CHF") String currency) {
	}

	record PriceListForm(String version, List<PriceRow> prices) {
	}

	/** One product's prices as typed: blank means not sold so. */
	record PriceRow(String product, String annualUnitPrice, String perpetualUnitPrice, String maintenanceUnitPrice,
			String upgradeUnitPrice) {

		PriceRequest request() {
			return new PriceRequest(product.strip(), decimal(annualUnitPrice), decimal(perpetualUnitPrice),
					decimal(maintenanceUnitPrice), decimal(upgradeUnitPrice));
		}

		private static BigDecimal decimal(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return new BigDecimal(text.strip().replace(",", ""));
			}
			catch (NumberFormatException ex) {
				// the API names the field: a price it cannot read is not positive
				return BigDecimal.ZERO;
			}
		}

	}

}
