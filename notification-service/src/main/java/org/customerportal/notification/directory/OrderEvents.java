package org.customerportal.notification.directory;

import java.util.List;
import java.util.UUID;

/**
 * What this service reads from {@code portal.order.events} for its directory: who the contacts of
 * each order are, and product names.
 */
final class OrderEvents {

	private OrderEvents() {
	}

	static final String ORDER_PLACED = "portal.order.placed.v1";

	static final String ORDER_PAID = "portal.order.paid.v1";

	static final String CONTACT_ADDED = "portal.order.contact-added.v1";

	static final String CONTACT_REMOVED = "portal.order.contact-removed.v1";

	record Contact(String userId, String email) {
	}

	record Line(String product, String productName) {
	}

	/** order.placed and order.paid both carry the whole contact list. */
	record OrderWithContacts(UUID orderId, UUID organizationId, List<Line> lines, List<Contact> contacts) {

		OrderWithContacts {
			lines = lines == null ? List.of() : lines;
			contacts = contacts == null ? List.of() : contacts;
		}

	}

	record ContactChanged(UUID orderId, UUID organizationId, String userId, String email) {
	}

}
