package org.customerportal.order.orders;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A person on the order's contact list: they see the order and its licences and get its reminders.
 */
@Table("order_contact")
record OrderContact(String userId, String email, Instant addedAt) {
}
