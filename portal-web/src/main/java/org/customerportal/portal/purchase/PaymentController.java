package org.customerportal.portal.purchase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.OrderView;
import org.customerportal.portal.api.PortalApi;
import org.customerportal.portal.order.PaymentView;
import org.customerportal.portal.web.FormErrors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The payment method page of an order awaiting payment. Card and PayPal are paid on the payment
 * provider's hosted page (no card number is ever typed into the portal), which sends the browser back
 * to the order's page; wire transfer and check get their instructions on the order's page. The form
 * carries an idempotency key, so that a double submit pays once.
 */
@Controller
class PaymentController {

	static final List<String> METHODS = List.of("CREDIT_CARD", "PAYPAL", "WIRE_TRANSFER", "CHECK");

	/** Paid on the payment provider's hosted page, which then sends the browser back. */
	static final List<String> ON_PROVIDER_PAGE = List.of("CREDIT_CARD", "PAYPAL");

	private final PortalApi api;

	PaymentController(PortalApi api) {
		this.api = api;
	}

	@GetMapping("/orders/{orderId}/payment")
	String choose(@PathVariable UUID orderId, Model model) {
		OrderView order = api.get(OrderView.class, "/api/orders/{id}", orderId);
		if (!order.awaitingPayment()) {
			return "redirect:/orders/" + orderId;
		}
		model.addAttribute("paymentForm", new PaymentForm(null, UUID.randomUUID().toString()));
		return page(order, model);
	}

	@PostMapping("/orders/{orderId}/payment")
	Object pay(@PathVariable UUID orderId, @ModelAttribute("paymentForm") PaymentForm form, BindingResult binding,
			Model model) {
		if (form.method() == null || !METHODS.contains(form.method())) {
			binding.rejectValue("method", "payment.method.required");
			return page(api.get(OrderView.class, "/api/orders/{id}", orderId), model);
		}
		Map<String, String> request = new LinkedHashMap<>();
		request.put("method", form.method());
		if (ON_PROVIDER_PAGE.contains(form.method())) {
			// the provider's page sends the browser back to this portal's page of the order
			request.put("returnUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/orders/{id}")
				.buildAndExpand(orderId)
				.toUriString());
		}
		try {
			PaymentView payment = api.post(PaymentView.class, request,
					PurchaseController.idempotency(form.idempotencyKey()), "/api/orders/{id}/payments", orderId);
			if (payment.redirectUrl() != null) {
				return seeOther(payment.redirectUrl().toString());
			}
			return "redirect:/orders/" + orderId;
		}
		catch (ApiProblem refused) {
			if (refused.isNotFound()) {
				throw refused;
			}
			FormErrors.show(refused, binding, "method");
			return page(api.get(OrderView.class, "/api/orders/{id}", orderId), model);
		}
	}

	/** To the payment provider's page: 303, so that the browser follows with a GET. */
	private static View seeOther(String url) {
		RedirectView redirect = new RedirectView(url);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return redirect;
	}

	private String page(OrderView order, Model model) {
		model.addAttribute("order", order);
		model.addAttribute("methods", METHODS);
		return "purchase/payment";
	}

	/** The payment method page's form; the key stays the same for every submit of one page. */
	record PaymentForm(String method, String idempotencyKey) {
	}

}
