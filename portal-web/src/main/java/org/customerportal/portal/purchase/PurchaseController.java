package org.customerportal.portal.purchase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.OrderView;
import org.customerportal.portal.api.Page;
import org.customerportal.portal.api.PortalApi;
import org.customerportal.portal.web.Me;
import org.customerportal.portal.web.People;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Purchase: the catalogue as a form (a quota and a licence type per product) that asks for a priced
 * quote for the person's company; the quote's page places the order, which then asks how to pay.
 */
@Controller
class PurchaseController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** The most one line of a quote may ask for, as the API allows. */
	static final int MAX_QUOTA = 1_000_000;

	private static final ParameterizedTypeReference<Page<ProductView>> PRODUCTS = new ParameterizedTypeReference<>() {
	};

	private final PortalApi api;

	private final People people;

	PurchaseController(PortalApi api, People people) {
		this.api = api;
		this.people = people;
	}

	@GetMapping("/purchase")
	String purchase(Model model) {
		List<ProductView> products = products();
		model.addAttribute("quoteForm", QuoteForm.of(products));
		return page(products, model);
	}

	@PostMapping("/purchase")
	String quote(@ModelAttribute("quoteForm") QuoteForm form, BindingResult binding, HttpSession session,
			Model model) {
		Me me = people.me(session);
		if (!me.hasCompany()) {
			return "redirect:/purchase";
		}
		List<Map<String, Object>> lines = new ArrayList<>();
		for (int i = 0; i < form.lines().size(); i++) {
			QuoteForm.Line line = form.lines().get(i);
			Integer quota = line.amount();
			if (quota == null) {
				binding.rejectValue("lines[" + i + "].quota", "purchase.quota.notNumber");
			}
			else if (quota < 0) {
				binding.rejectValue("lines[" + i + "].quota", "purchase.quota.negative");
			}
			else if (quota > MAX_QUOTA) {
				binding.rejectValue("lines[" + i + "].quota", "purchase.quota.tooLarge", new Object[] { MAX_QUOTA }, null);
			}
			else if (quota > 0) {
				lines.add(Map.of("product", String.valueOf(line.product()), "licenseType",
						String.valueOf(line.licenseType()), "quota", quota));
			}
		}
		if (!binding.hasErrors() && lines.isEmpty()) {
			binding.reject("purchase.nothingChosen");
		}
		if (binding.hasErrors()) {
			return page(products(), model);
		}
		try {
			QuoteView quote = api.post(QuoteView.class,
					Map.of("organizationId", me.organizationId(), "lines", lines), "/api/quotes");
			return "redirect:/quotes/" + quote.id();
		}
		catch (ApiProblem refused) {
			binding.reject("api", refused.detail() != null ? refused.detail() : "");
			return page(products(), model);
		}
	}

	@GetMapping("/quotes/{quoteId}")
	String quote(@PathVariable UUID quoteId, Model model) {
		model.addAttribute("quote", api.get(QuoteView.class, "/api/quotes/{id}", quoteId));
		model.addAttribute("idempotencyKey", UUID.randomUUID());
		return "purchase/quote";
	}

	/** Orders the quote; the payment method is chosen on the next page. A double submit orders once. */
	@PostMapping("/quotes/{quoteId}/order")
	String order(@PathVariable UUID quoteId, @RequestParam(required = false) String idempotencyKey,
			RedirectAttributes flash) {
		try {
			OrderView order = api.post(OrderView.class, Map.of(), idempotency(idempotencyKey),
					"/api/quotes/{id}/order", quoteId);
			return "redirect:/orders/" + order.id() + "/payment";
		}
		catch (ApiProblem refused) {
			if (refused.isNotFound()) {
				throw refused;
			}
			flash.addFlashAttribute("refusal", refused.detail());
			return "redirect:/quotes/" + quoteId;
		}
	}

	static HttpHeaders idempotency(String key) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(IDEMPOTENCY_KEY, key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
		return headers;
	}

	private List<ProductView> products() {
		return api.get(PRODUCTS, "/api/products?size=100").items();
	}

	private String page(List<ProductView> products, Model model) {
		model.addAttribute("products", products);
		return "purchase/purchase";
	}

}
