package org.customerportal.license.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The parts of order-service's events this service reads (a tolerant reader: other fields are ignored).
 * Types and fields: docs/events.md, {@code portal.order.events}.
 */
final class OrderEvents {

	static final String TOPIC = "portal.order.events";

	static final String PLACED = "portal.order.placed.v1";

	static final String PAID = "portal.order.paid.v1";

	static final String CONTACT_ADDED = "portal.order.contact-added.v1";

	static final String CONTACT_REMOVED = "portal.order.contact-removed.v1";

	private OrderEvents() {
	}

	record Contact(String userId, String email) {
	}

	/**
	 * @param quota for a new purchase the quota bought, for a quota expansion the quota added, for a renewal the
	 * licence's quota
	 * @param licenseId the licence a renewal, quota expansion or upgrade is for; null for a new purchase
	 * @param productVersion the major version bought (or upgraded to)
	 */
	record OrderLine(UUID lineId, String product, String licenseType, Integer quota, UUID licenseId,
			Integer productVersion) {
	}

	record OrderPlaced(UUID orderId, UUID organizationId, List<Contact> contacts) {
	}

	record OrderPaid(UUID orderId, UUID organizationId, String type, List<OrderLine> lines, Instant paidAt,
			List<Contact> contacts) {
	}

	record ContactAdded(UUID orderId, UUID organizationId, String userId, String email) {
	}

	record ContactRemoved(UUID orderId, UUID organizationId, String userId) {
	}

}
