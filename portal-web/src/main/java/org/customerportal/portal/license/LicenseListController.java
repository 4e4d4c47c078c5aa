package org.customerportal.portal.license;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.LicenseView;
import org.customerportal.portal.api.OrderView;
import org.customerportal.portal.api.Page;
import org.customerportal.portal.api.PortalApi;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Order > Full License and Order > Upcoming Renewal: the licences the person may see, to tick and renew
 * together ("Renew Selected") or one at a time ("Renew Now"). Both lists post to the same renewal, which
 * places one RENEWAL order and goes on to its payment.
 */
@Controller
class LicenseListController {

	static final List<Integer> WINDOWS = List.of(30, 60, 90, 180);

	static final int DEFAULT_WINDOW = 90;

	static final int PAGE_SIZE = 20;

	static final List<String> STATUSES = List.of("ACTIVE", "EXPIRED", "REVOKED");

	/** Where a renewal that failed goes back to: one of the licence pages, never elsewhere. */
	private static final Pattern BACK = Pattern
		.compile("/licenses(/upcoming-renewals|/[0-9a-fA-F-]{36})?(\\?[A-Za-z0-9=&%._+-]*)?");

	private static final ParameterizedTypeReference<Page<LicenseView>> LICENSES = new ParameterizedTypeReference<>() {
	};

	private final PortalApi api;

	private final Catalogue catalogue;

	private final MessageSourceAccessor messages;

	LicenseListController(PortalApi api, Catalogue catalogue, MessageSource messages) {
		this.api = api;
		this.catalogue = catalogue;
		this.messages = new MessageSourceAccessor(messages);
	}

	@GetMapping("/licenses")
	String all(@RequestParam(required = false) String status, @RequestParam(required = false) String product,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String chosenStatus = status != null && STATUSES.contains(status) ? status : null;
		String chosenProduct = product == null || product.isBlank() ? null : product.trim();
		Page<LicenseView> licenses = api.get(LICENSES,
				"/api/licenses?status={status}&product={product}&page={page}&size={size}",
				chosenStatus == null ? "" : chosenStatus, chosenProduct == null ? "" : chosenProduct,
				Math.max(page, 0), PAGE_SIZE);
		model.addAttribute("status", chosenStatus);
		model.addAttribute("product", chosenProduct);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("products", catalogue.products());
		UriComponentsBuilder here = UriComponentsBuilder.fromPath("/licenses")
			.queryParamIfPresent("status", Optional.ofNullable(chosenStatus))
			.queryParamIfPresent("product", Optional.ofNullable(chosenProduct));
		return list(licenses, here, model, "license/licenses");
	}

	@GetMapping("/licenses/upcoming-renewals")
	String upcoming(@RequestParam(defaultValue = "90") int withinDays, @RequestParam(defaultValue = "0") int page,
			Model model) {
		int window = WINDOWS.contains(withinDays) ? withinDays : DEFAULT_WINDOW;
		Page<LicenseView> licenses = api.get(LICENSES,
				"/api/licenses/upcoming-renewals?withinDays={days}&page={page}&size={size}", window, Math.max(page, 0),
				PAGE_SIZE);
		model.addAttribute("withinDays", window);
		model.addAttribute("windows", WINDOWS);
		UriComponentsBuilder here = UriComponentsBuilder.fromPath("/licenses/upcoming-renewals")
			.queryParam("withinDays", window);
		return list(licenses, here, model, "license/upcoming-renewals");
	}

	/**
	 * Renew Selected (the ticked licences) and Renew Now (one licence): a RENEWAL order, then its payment.
	 * A refusal goes back to the list with the API's sentence and the licences still ticked.
	 */
	@PostMapping("/licenses/renewals")
	String renew(@RequestParam(name = "licenseIds", required = false) List<UUID> licenseIds,
			@RequestParam(defaultValue = "/licenses") String back,
			@RequestParam(name = Idempotency.FIELD, required = false) String idempotencyKey, RedirectAttributes redirect) {
		String backTo = BACK.matcher(back).matches() ? back : "/licenses";
		List<UUID> chosen = licenseIds == null ? List.of() : licenseIds.stream().distinct().toList();
		if (chosen.isEmpty()) {
			redirect.addFlashAttribute("renewalError", messages.getMessage("licenses.renew.none"));
			return "redirect:" + backTo;
		}
		try {
			OrderView order = api.post(OrderView.class, new RenewalRequest(chosen), Idempotency.headers(idempotencyKey),
					"/api/renewals");
			redirect.addFlashAttribute("notice",
					messages.getMessage("licenses.renew.placed", new Object[] { order.reference(), chosen.size() }));
			return "redirect:/orders/" + order.id() + "/payment";
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("renewalError",
					problem.detail() != null ? problem.detail() : messages.getMessage("licenses.renew.refused"));
			redirect.addFlashAttribute("selected", chosen);
			return "redirect:" + backTo;
		}
	}

	/** The list, and the addresses of this page (to come back to after a refusal) and of its neighbours. */
	private String list(Page<LicenseView> licenses, UriComponentsBuilder here, Model model, String view) {
		model.addAttribute("licenses", licenses);
		model.addAttribute("back", pageUrl(here, licenses.page()));
		Idempotency.offer(model);
		if (!model.containsAttribute("selected")) {
			model.addAttribute("selected", List.of());
		}
		model.addAttribute("previousPage", licenses.hasPrevious() ? pageUrl(here, licenses.page() - 1) : null);
		model.addAttribute("nextPage", licenses.hasNext() ? pageUrl(here, licenses.page() + 1) : null);
		return view;
	}

	private static String pageUrl(UriComponentsBuilder here, int page) {
		return here.cloneBuilder().replaceQueryParam("page", page).encode().build().toUriString();
	}

	record RenewalRequest(List<UUID> licenseIds) {
	}

}
