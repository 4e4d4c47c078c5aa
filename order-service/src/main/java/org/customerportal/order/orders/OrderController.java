package org.customerportal.order.orders;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.web.PageResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders", description = "My Orders: the orders the caller is a contact of, and cancelling one that is not paid yet.")
@RequestMapping("/api/orders")
class OrderController {

	private final Orders orders;

	OrderController(Orders orders) {
		this.orders = orders;
	}

	@GetMapping
	@Operation(summary = "My Orders: the orders the caller is a contact of (support: every order), newest first",
			description = "The orders the caller is a contact of, newest first, as a page; support sees every order and "
					+ "may filter by `organizationId`. `status` filters by state (PENDING_PAYMENT, PAID, CANCELLED).")
	PageResponse<OrderView> list(CurrentUser caller, @RequestParam(required = false) UUID organizationId,
			@RequestParam(required = false) OrderStatus status, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return orders.list(caller, organizationId, status, page, size);
	}

	@GetMapping("/{orderId}")
	@Operation(summary = "One order: its contacts and support only",
			description = "The order with its type, state, lines, total, payment method, contacts and times. 404 for "
					+ "anyone but its contacts and support.")
	OrderView get(@PathVariable UUID orderId, CurrentUser caller) {
		return orders.get(orderId, caller);
	}

	@PostMapping("/{orderId}/cancel")
	@Operation(summary = "Cancel an unpaid order (contacts only; 409 once paid)",
			description = "An order that is not paid yet becomes CANCELLED. 409 once it is paid. Contacts only.")
	OrderView cancel(@PathVariable UUID orderId, CurrentUser caller) {
		return orders.cancel(orderId, caller);
	}

}
