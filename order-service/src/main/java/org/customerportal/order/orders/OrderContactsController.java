package org.customerportal.order.orders;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.web.PageResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Order contacts", description = "Who sees an order's licenses and gets its renewal reminders: the order's contact list.")
@RequestMapping("/api/orders/{orderId}/contacts")
class OrderContactsController {

	private final Orders orders;

	OrderContactsController(Orders orders) {
		this.orders = orders;
	}

	@GetMapping
	@Operation(summary = "The order's contact list, in the order they were added (contacts and support)",
			description = "The people who see the order's licenses and get its renewal reminders, as a page. 404 for "
					+ "anyone but the order's contacts and support.")
	PageResponse<OrderView.ContactView> contacts(@PathVariable UUID orderId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, CurrentUser caller) {
		return PageResponse.of(orders.contacts(orderId, caller), page, size);
	}

	@PostMapping
	@Operation(summary = "Add a member of the order's organisation to its contacts (contacts only)",
			description = "Adds a member of the order's organization by e-mail address. An address that is not a member's "
					+ "answers 422 with the detail `<email> is not linked to your organization and cannot be added to "
					+ "Contacts.`")
	ResponseEntity<OrderView.ContactView> add(@PathVariable UUID orderId, @Valid @RequestBody AddContact request,
			CurrentUser caller) {
		OrderView.ContactView contact = orders.addContact(orderId, request.email().strip(), caller);
		return ResponseEntity.created(URI.create("/api/orders/" + orderId + "/contacts/" + contact.userId()))
			.body(contact);
	}

	@DeleteMapping("/{userId}")
	@Operation(summary = "Remove a contact: they lose access to the order's licences and reminders",
			description = "The person leaves the order's contact list: they no longer see its licenses nor get its "
					+ "reminders. The last contact cannot be removed (422). Contacts only.")
	ResponseEntity<Void> remove(@PathVariable UUID orderId, @PathVariable String userId, CurrentUser caller) {
		orders.removeContact(orderId, userId, caller);
		return ResponseEntity.noContent().build();
	}

	record AddContact(@NotBlank @Email @Size(max = 254) String email) {
	}

}
