package org.customerportal.portal.order;

import java.util.Locale;
import java.util.UUID;

import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.OrderView;
import org.customerportal.portal.api.Page;
import org.customerportal.portal.api.PortalApi;

import org.springframework.context.MessageSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One order: what was ordered, its state, its payments (with the instructions for a wire transfer or a
 * check), paying and cancelling it while it awaits payment. Back from the payment provider's page
 * ({@code ?payment=succeeded|declined}) it says how that went and, until the provider's confirmation
 * has marked the order paid, refreshes its state every two seconds (htmx; a Refresh link without it).
 */
@Controller
class OrderController {

	static final String SUCCEEDED = "succeeded";

	static final String DECLINED = "declined";

	private static final ParameterizedTypeReference<Page<PaymentView>> PAYMENTS = new ParameterizedTypeReference<>() {
	};

	private final PortalApi api;

	private final MessageSource messages;

	OrderController(PortalApi api, MessageSource messages) {
		this.api = api;
		this.messages = messages;
	}

	@GetMapping("/orders/{orderId}")
	String order(@PathVariable UUID orderId, @RequestParam(required = false) String payment, Model model) {
		OrderView order = api.get(OrderView.class, "/api/orders/{id}", orderId);
		Page<PaymentView> payments = api.get(PAYMENTS, "/api/orders/{id}/payments?size=100", orderId);
		String outcome = SUCCEEDED.equals(payment) || DECLINED.equals(payment) ? payment : null;
		model.addAttribute("order", order);
		model.addAttribute("payments", payments.items());
		model.addAttribute("outcome", outcome);
		model.addAttribute("confirming", SUCCEEDED.equals(outcome) && order.awaitingPayment());
		return "order/order";
	}

	@PostMapping("/orders/{orderId}/cancel")
	String cancel(@PathVariable UUID orderId, RedirectAttributes flash, Locale locale) {
		try {
			OrderView cancelled = api.post(OrderView.class, (Object) null, "/api/orders/{id}/cancel", orderId);
			flash.addFlashAttribute("notice",
					messages.getMessage("order.cancelled", new Object[] { cancelled.reference() }, locale));
		}
		catch (ApiProblem refused) {
			if (refused.isNotFound()) {
				throw refused;
			}
			flash.addFlashAttribute("refusal", refused.detail());
		}
		return "redirect:/orders/" + orderId;
	}

}
