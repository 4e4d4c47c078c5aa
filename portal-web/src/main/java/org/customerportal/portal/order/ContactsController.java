package org.customerportal.portal.order;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.OrderView;
import org.customerportal.portal.api.Page;
import org.customerportal.portal.api.PortalApi;
import org.customerportal.portal.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.core.ParameterizedTypeReference;
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
 * Order > My Orders > Manage Contacts: who may see the order's licences and gets their reminders. Only
 * members of the company can be added; the API's sentence says so next to the field when not.
 */
@Controller
class ContactsController {

	private static final ParameterizedTypeReference<Page<OrderView.Contact>> CONTACTS = new ParameterizedTypeReference<>() {
	};

	private final PortalApi api;

	private final MessageSource messages;

	ContactsController(PortalApi api, MessageSource messages) {
		this.api = api;
		this.messages = messages;
	}

	@GetMapping("/orders/{orderId}/contacts")
	String contacts(@PathVariable UUID orderId, Model model) {
		model.addAttribute("contactForm", new ContactForm(""));
		return page(orderId, model);
	}

	@PostMapping("/orders/{orderId}/contacts")
	String add(@PathVariable UUID orderId, @ModelAttribute("contactForm") ContactForm form, BindingResult binding,
			Model model, RedirectAttributes flash, Locale locale) {
		String email = form.email() == null ? "" : form.email().strip();
		if (email.isEmpty()) {
			binding.rejectValue("email", "contacts.email.required");
			return page(orderId, model);
		}
		try {
			OrderView.Contact added = api.post(OrderView.Contact.class, Map.of("email", email),
					"/api/orders/{id}/contacts", orderId);
			flash.addFlashAttribute("notice", messages.getMessage("contacts.added",
					new Object[] { added.email() != null ? added.email() : email }, locale));
			return "redirect:/orders/" + orderId + "/contacts";
		}
		catch (ApiProblem refused) {
			if (refused.isNotFound()) {
				throw refused;
			}
			FormErrors.show(refused, binding, "email");
			return page(orderId, model);
		}
	}

	@PostMapping("/orders/{orderId}/contacts/{userId}/remove")
	String remove(@PathVariable UUID orderId, @PathVariable String userId, @RequestParam(defaultValue = "") String email,
			RedirectAttributes flash, Locale locale) {
		try {
			api.delete("/api/orders/{id}/contacts/{userId}", orderId, userId);
			flash.addFlashAttribute("notice", messages.getMessage("contacts.removed", new Object[] { email }, locale));
		}
		catch (ApiProblem refused) {
			// not found: already removed (a second click), or the order is not theirs, which the list then shows
			if (!refused.isNotFound()) {
				flash.addFlashAttribute("refusal", refused.detail());
			}
		}
		return "redirect:/orders/" + orderId + "/contacts";
	}

	private String page(UUID orderId, Model model) {
		model.addAttribute("order", api.get(OrderView.class, "/api/orders/{id}", orderId));
		model.addAttribute("contacts", api.get(CONTACTS, "/api/orders/{id}/contacts?size=100", orderId).items());
		return "order/contacts";
	}

	/** The "Add contact" form. */
	record ContactForm(String email) {
	}

}
