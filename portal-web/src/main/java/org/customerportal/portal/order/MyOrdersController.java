package org.customerportal.portal.order;

import java.util.List;

import org.customerportal.portal.api.OrderView;
import org.customerportal.portal.api.Page;
import org.customerportal.portal.api.PortalApi;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Order > My Orders: the orders the person is a contact of, newest first, filtered by status. */
@Controller
class MyOrdersController {

	static final List<String> STATUSES = List.of("PENDING_PAYMENT", "PAID", "CANCELLED");

	static final int PAGE_SIZE = 20;

	private static final ParameterizedTypeReference<Page<OrderView>> ORDERS = new ParameterizedTypeReference<>() {
	};

	private final PortalApi api;

	MyOrdersController(PortalApi api) {
		this.api = api;
	}

	@GetMapping("/orders")
	String orders(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String filter = status != null && STATUSES.contains(status) ? status : null;
		int wanted = Math.max(page, 0);
		Page<OrderView> orders = filter == null
				? api.get(ORDERS, "/api/orders?page={page}&size={size}", wanted, PAGE_SIZE)
				: api.get(ORDERS, "/api/orders?status={status}&page={page}&size={size}", filter, wanted, PAGE_SIZE);
		model.addAttribute("orders", orders);
		model.addAttribute("status", filter);
		model.addAttribute("statuses", STATUSES);
		return "order/list";
	}

}
