package org.customerportal.portal.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.Page;
import org.customerportal.portal.api.PortalApi;
import org.customerportal.portal.purchase.ProductView;
import org.customerportal.portal.purchase.QuoteView;

import org.springframework.core.ParameterizedTypeReference;
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
 * The sales console, for the vendor's sales staff only (the security configuration admits role
 * {@code sales} to {@code /sales/**}; the API checks the role again): find a company, make it a quote
 * from the catalogue with a discount per line, a last valid day and a note, and send it to the
 * company's primary contact and the members chosen. The customer orders it from the quote's page.
 */
@Controller
@RequestMapping("/sales")
class SalesConsoleController {

	/** How long a new quote is valid unless the sales person changes it. */
	static final int DEFAULT_VALID_DAYS = 30;

	static final int MAX_QUOTA = 1_000_000;

	private static final Pattern API_LINE = Pattern.compile("^lines\\[(\\d+)\\]\\.(quota|discount).*");

	private static final Pattern RECIPIENT = Pattern.compile("^recipients\\[(\\d+)\\]$");

	private static final ParameterizedTypeReference<Page<SupportConsoleController.CompanyHit>> COMPANIES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Page<SupportConsoleController.Member>> MEMBERS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Page<ProductView>> PRODUCTS = new ParameterizedTypeReference<>() {
	};

	private final PortalApi api;

	SalesConsoleController(PortalApi api) {
		this.api = api;
	}

	@GetMapping
	String search(@RequestParam(required = false) String query, Model model) {
		String wanted = SupportConsoleController.searchable(query, model);
		if (wanted == null) {
			return "console/sales";
		}
		model.addAttribute("companies", api.get(COMPANIES, "/api/organizations?query={query}&size=20", wanted).items());
		return "console/sales";
	}

	@GetMapping("/companies/{id}/quote")
	String newQuote(@PathVariable UUID id, Model model) {
		List<ProductView> products = products();
		model.addAttribute("quoteForm", SalesQuoteForm.of(products, today().plusDays(DEFAULT_VALID_DAYS)));
		return form(id, products, model);
	}

	@PostMapping("/companies/{id}/quote")
	String send(@PathVariable UUID id, @ModelAttribute("quoteForm") SalesQuoteForm form, BindingResult binding,
			Model model, RedirectAttributes flash) {
		List<Map<String, Object>> lines = new ArrayList<>();
		List<Integer> formIndexOfLine = new ArrayList<>();
		for (int i = 0; i < form.lines().size(); i++) {
			SalesQuoteForm.Line line = form.lines().get(i);
			Map<String, Object> requested = line(line, "lines[" + i + "]", binding);
			if (requested != null) {
				lines.add(requested);
				formIndexOfLine.add(i);
			}
		}
		if (!binding.hasErrors() && lines.isEmpty()) {
			binding.reject("sales.nothingChosen");
		}
		LocalDate validUntil = null;
		try {
			validUntil = LocalDate.parse(form.validUntil() == null ? "" : form.validUntil().strip());
		}
		catch (DateTimeParseException ex) {
			binding.rejectValue("validUntil", "sales.validUntil.notDate");
		}
		if (binding.hasErrors()) {
			return form(id, products(), model);
		}
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("organizationId", id);
		request.put("lines", lines);
		request.put("validUntil", validUntil.toString());
		request.put("note", form.note());
		request.put("recipients", form.recipients());
		try {
			SentQuote sent = api.post(SentQuote.class, request, "/api/sales-quotes");
			flash.addFlashAttribute("notice", "The quote was sent to "
					+ String.join(", ", sent.sentTo().stream().map(Recipient::email).toList()) + ".");
			return "redirect:/sales/quotes/" + sent.id();
		}
		catch (ApiProblem refused) {
			if (refused.isNotFound()) {
				throw refused;
			}
			show(refused, binding, formIndexOfLine, form.recipients());
			return form(id, products(), model);
		}
	}

	@GetMapping("/quotes/{quoteId}")
	String quote(@PathVariable UUID quoteId, Model model) {
		QuoteView quote = api.get(QuoteView.class, "/api/quotes/{id}", quoteId);
		model.addAttribute("quote", quote);
		model.addAttribute("company",
				api.get(SupportConsoleController.Company.class, "/api/organizations/{id}", quote.organizationId()));
		return "console/sales-quote";
	}

	/** The line as the API takes it, null when not quoted (quota 0) or wrongly entered. */
	private static Map<String, Object> line(SalesQuoteForm.Line line, String field, BindingResult binding) {
		Integer quota = line.amount();
		if (quota == null) {
			binding.rejectValue(field + ".quota", "purchase.quota.notNumber");
			return null;
		}
		if (quota < 0) {
			binding.rejectValue(field + ".quota", "purchase.quota.negative");
			return null;
		}
		if (quota > MAX_QUOTA) {
			binding.rejectValue(field + ".quota", "purchase.quota.tooLarge", new Object[] { MAX_QUOTA }, null);
			return null;
		}
		if (quota == 0) {
			return null;
		}
		Map<String, Object> requested = new LinkedHashMap<>();
		requested.put("product", String.valueOf(line.product()));
		requested.put("licenseType", String.valueOf(line.licenseType()));
		requested.put("quota", quota);
		if (line.discounted()) {
			BigDecimal discount = line.discountValue();
			if (discount == null) {
				binding.rejectValue(field + ".discount", "sales.discount.notNumber");
				return null;
			}
			requested.put("discount", Map.of(SalesQuoteForm.PERCENT.equals(line.discountType()) ? "percent" : "amount",
					discount.toPlainString()));
		}
		return requested;
	}

	/** The API's refusal next to the field of the form that caused it (API line k is form line i). */
	private static void show(ApiProblem refused, BindingResult binding, List<Integer> formIndexOfLine,
			List<String> recipients) {
		boolean placed = false;
		for (Map.Entry<String, String> error : refused.fieldMessages().entrySet()) {
			String field = formField(error.getKey(), formIndexOfLine);
			if (field != null) {
				binding.rejectValue(field, "api", sentence(error.getKey(), error.getValue(), recipients));
				placed = true;
			}
		}
		if (!placed) {
			binding.reject("api", refused.detail() != null ? refused.detail() : "");
		}
	}

	private static String formField(String apiField, List<Integer> formIndexOfLine) {
		Matcher line = API_LINE.matcher(apiField);
		if (line.matches()) {
			int index = Integer.parseInt(line.group(1));
			return index < formIndexOfLine.size() ? "lines[" + formIndexOfLine.get(index) + "]." + line.group(2) : null;
		}
		if (apiField.equals("validUntil") || apiField.equals("note")) {
			return apiField;
		}
		return apiField.startsWith("recipients") ? "recipients" : null;
	}

	/** "must not exceed …" reads as "The discount must not exceed …" next to the field. */
	private static String sentence(String apiField, String message, List<String> recipients) {
		Matcher recipient = RECIPIENT.matcher(apiField);
		String subject = apiField.contains("discount") ? "The discount"
				: recipient.matches() && Integer.parseInt(recipient.group(1)) < recipients.size()
						? recipients.get(Integer.parseInt(recipient.group(1)))
						: apiField.equals("validUntil") ? "The last valid day"
								: apiField.equals("note") ? "The note" : "It";
		return subject + " " + message + ".";
	}

	private String form(UUID companyId, List<ProductView> products, Model model) {
		model.addAttribute("company", api.get(SupportConsoleController.Company.class, "/api/organizations/{id}", companyId));
		model.addAttribute("members",
				api.get(MEMBERS, "/api/organizations/{id}/users?size=100", companyId).items());
		model.addAttribute("products", products);
		return "console/sales-quote-form";
	}

	private List<ProductView> products() {
		return api.get(PRODUCTS, "/api/products?size=100").items();
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	record Recipient(String email, String name, boolean primaryContact) {
	}

	/** What {@code POST /api/sales-quotes} answers: the quote (its id here) and who it was sent to. */
	record SentQuote(UUID id, List<Recipient> sentTo) {

		SentQuote {
			sentTo = sentTo == null ? List.of() : sentTo;
		}

	}

}
