package org.customerportal.portal.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;
import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.LicenseView;
import org.customerportal.portal.api.Money;
import org.customerportal.portal.api.OrderView;
import org.customerportal.portal.api.Page;
import org.customerportal.portal.api.PortalApi;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The support console, for the vendor's support staff only (the security configuration admits role
 * {@code support} to {@code /support/**}; the API checks the role again): find a person or a company,
 * see a company's people, orders and licences, confirm a wire transfer or check, remove an account
 * after a confirmation step, and read the sent-mail log.
 */
@Controller
@RequestMapping("/support")
class SupportConsoleController {

	static final int MIN_QUERY = 2;

	private static final ParameterizedTypeReference<Page<PersonHit>> PEOPLE = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Page<CompanyHit>> COMPANIES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Page<Member>> MEMBERS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Page<OrderView>> ORDERS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Page<LicenseView>> LICENSES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Page<Payment>> PAYMENTS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Page<SentMail>> MAILS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<PriceList>> PRICE_LISTS = new ParameterizedTypeReference<>() {
	};

	private final PortalApi api;

	SupportConsoleController(PortalApi api) {
		this.api = api;
	}

	/**
	 * The query of a console's search box, or null when there is none to run; a too short one is
	 * reported on the page ({@code queryError}).
	 */
	static String searchable(String query, Model model) {
		String wanted = query == null ? "" : query.strip();
		model.addAttribute("query", wanted);
		if (!wanted.isEmpty() && wanted.length() < MIN_QUERY) {
			model.addAttribute("queryError", "tooShort");
		}
		return wanted.length() < MIN_QUERY ? null : wanted;
	}

	@GetMapping
	String search(@RequestParam(required = false) String query, Model model) {
		String wanted = searchable(query, model);
		if (wanted == null) {
			return "console/search";
		}
		model.addAttribute("people", api.get(PEOPLE, "/api/users?query={query}&size=20", wanted).items());
		model.addAttribute("companies", api.get(COMPANIES, "/api/organizations?query={query}&size=20", wanted).items());
		return "console/search";
	}

	@GetMapping("/companies/{id}")
	String company(@PathVariable UUID id, Model model) {
		model.addAttribute("company", api.get(Company.class, "/api/organizations/{id}", id));
		model.addAttribute("members", api.get(MEMBERS, "/api/organizations/{id}/users?size=100", id).items());
		List<OrderView> orders = api.get(ORDERS, "/api/orders?organizationId={id}&size=100", id).items();
		model.addAttribute("orders", orders);
		model.addAttribute("licenses", api.get(LICENSES, "/api/licenses?organizationId={id}&size=100", id).items());
		model.addAttribute("awaiting", awaitingConfirmation(orders));
		model.addAttribute("currency", api.get(BillingCurrency.class, "/api/billing-currencies/{id}", id));
		model.addAttribute("currencies", api.get(PRICE_LISTS, "/api/price-lists").stream().map(PriceList::currency).toList());
		return "console/company";
	}

	/** The currency the company pays in from now on (its quotes, renewals and upgrades). */
	@PostMapping("/companies/{id}/currency")
	String currency(@PathVariable UUID id, @RequestParam String currency, RedirectAttributes redirect) {
		try {
			api.put(BillingCurrency.class, new CurrencyChange(currency), "/api/billing-currencies/{id}", id);
			redirect.addFlashAttribute("notice", "The company pays in " + currency + " from now on.");
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("refusal", problem.detail());
		}
		return "redirect:/support/companies/" + id;
	}

	/** Wire transfers and checks the customer said they sent: support confirms them when the money is in. */
	private List<Awaiting> awaitingConfirmation(List<OrderView> orders) {
		List<Awaiting> awaiting = new ArrayList<>();
		for (OrderView order : orders) {
			if (!order.awaitingPayment()) {
				continue;
			}
			for (Payment payment : api.get(PAYMENTS, "/api/orders/{id}/payments", order.id()).items()) {
				if (payment.confirmable()) {
					awaiting.add(new Awaiting(order, payment));
				}
			}
		}
		return awaiting;
	}

	@PostMapping("/orders/{orderId}/payments/{paymentId}/confirm")
	String confirm(@PathVariable UUID orderId, @PathVariable UUID paymentId, @RequestParam UUID organizationId,
			RedirectAttributes redirect) {
		try {
			api.post((Object) null, "/api/orders/{orderId}/payments/{paymentId}/confirm", orderId, paymentId);
			redirect.addFlashAttribute("notice", "The payment of order "
					+ orderId.toString().substring(0, 8).toUpperCase() + " is confirmed: the order is paid.");
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("refusal", problem.detail());
		}
		return "redirect:/support/companies/" + organizationId;
	}

	@GetMapping("/users/{userId}/remove")
	String confirmRemoval(@PathVariable String userId, @ModelAttribute("removal") Removal removal) {
		return "console/remove";
	}

	@PostMapping("/users/{userId}/remove")
	String remove(@PathVariable String userId, @ModelAttribute("removal") Removal removal, RedirectAttributes redirect) {
		api.delete("/api/users/{userId}", userId);
		redirect.addFlashAttribute("notice", "The account of " + removal.email() + " was removed.");
		return "redirect:/support";
	}

	@GetMapping("/mail")
	String mail(@RequestParam(required = false) @Size(max = 254) String recipient,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String address = recipient == null ? "" : recipient.strip();
		model.addAttribute("recipient", address);
		model.addAttribute("mails", address.isEmpty()
				? api.get(MAILS, "/api/notifications/sent?page={page}&size=50", Math.max(0, page))
				: api.get(MAILS, "/api/notifications/sent?recipient={recipient}&page={page}&size=50", address,
						Math.max(0, page)));
		return "console/mail";
	}

	/** @param chosen false while the company has not ordered yet and nobody set one: the default applies */
	record BillingCurrency(UUID organizationId, String currency, boolean chosen) {
	}

	record CurrencyChange(String currency) {
	}

	record PriceList(String currency) {
	}

	record PersonHit(String id, String email, String name, UUID organizationId, String organizationName) {
	}

	record CompanyHit(UUID id, String name, String primaryContactId, Instant createdAt, int memberCount) {
	}

	record Company(UUID id, String name, String primaryContactId, Instant createdAt) {
	}

	record Member(String id, String email, String name, boolean primaryContact, Instant joinedAt) {
	}

	record Payment(UUID id, UUID orderId, String method, String status, Money amount, String reference,
			String instructions, Instant createdAt) {

		boolean confirmable() {
			return "PENDING".equals(status) && ("WIRE_TRANSFER".equals(method) || "CHECK".equals(method));
		}

	}

	record Awaiting(OrderView order, Payment payment) {
	}

	/** Who is about to be removed, as the search showed them (the confirmation page repeats it). */
	record Removal(String email, String name, UUID organizationId) {
	}

	record SentMail(UUID id, String kind, String recipient, String subject, String status, int attempts,
			String lastError, Instant createdAt, Instant sentAt) {
	}

}
