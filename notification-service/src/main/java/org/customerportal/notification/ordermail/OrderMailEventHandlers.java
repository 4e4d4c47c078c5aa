package org.customerportal.notification.ordermail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.customerportal.notification.EmailAddresses;
import org.customerportal.notification.mail.MailKind;
import org.customerportal.notification.mail.MailQueue;
import org.customerportal.platform.events.EventHandlers;
import org.customerportal.platform.events.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Order mails to the order's contacts: payment instructions when an order is placed to be paid by
 * wire transfer or check, or one of these is chosen at the payment step (once per order and contact,
 * whichever comes first), a reminder before such an order expires unpaid, and a receipt when it is paid.
 * Also the quote the vendor's sales staff sent a company, to each of its recipients, with the link to the
 * quote's page.
 */
@Component
class OrderMailEventHandlers {

	static final String CONSUMER = "notification-service.order-mails";

	static final String ORDER_PLACED = "portal.order.placed.v1";

	static final String ORDER_PAID = "portal.order.paid.v1";

	static final String QUOTE_SENT = "portal.quote.sent.v1";

	static final String ORDER_AWAITING_PAYMENT = "portal.order.awaiting-payment.v1";

	static final String ORDER_PAYMENT_REMINDER = "portal.order.payment-reminder.v1";

	private static final Set<String> OFFLINE_METHODS = Set.of("WIRE_TRANSFER", "CHECK");

	private final Inbox inbox;

	private final EventHandlers handlers;

	OrderMailEventHandlers(Inbox inbox, MailQueue mailQueue) {
		this.inbox = inbox;
		this.handlers = EventHandlers.builder()
			.on(ORDER_PLACED, OrderPlaced.class, event -> placed(mailQueue, event))
			.on(ORDER_PAID, OrderPaid.class, event -> paid(mailQueue, event))
			.on(QUOTE_SENT, QuoteSent.class, event -> quoteSent(mailQueue, event))
			// wire transfer or check chosen at the payment step: the same instructions, once per order
			.on(ORDER_AWAITING_PAYMENT, OrderPlaced.class, event -> placed(mailQueue, event))
			.on(ORDER_PAYMENT_REMINDER, OrderPlaced.class, event -> paymentReminder(mailQueue, event))
			.build();
	}

	record Money(String amount, String currency) {
	}

	record Line(String product, String productName, String licenseType, Integer quota, Money amount) {
	}

	record Contact(String userId, String email) {
	}

	/** order.placed, order.awaiting-payment and order.payment-reminder (which has no lines nor status). */
	record OrderPlaced(UUID orderId, String type, String status, List<Line> lines, Money total,
			String paymentMethod, List<Contact> contacts, Instant paymentDueBy) {
	}

	record OrderPaid(UUID orderId, String type, List<Line> lines, Money total, String paymentMethod,
			String paymentId, Instant paidAt, List<Contact> contacts) {
	}

	record Recipient(String email, String name) {
	}

	record QuoteLine(String product, String productName, String licenseType, Integer quota, Money listAmount,
			Money discount, String discountPercent, Money amount) {
	}

	record QuoteSent(UUID quoteId, String organizationName, List<Recipient> recipients, List<QuoteLine> lines,
			Money total, Money discount, LocalDate validUntil, String note, String sentByName) {
	}

	private static void quoteSent(MailQueue mailQueue, QuoteSent quote) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("quoteId", quote.quoteId());
		model.put("organizationName", quote.organizationName());
		model.put("lines", quote.lines() == null ? List.of() : quote.lines());
		model.put("total", quote.total());
		model.put("discount", quote.discount());
		model.put("validUntil", quote.validUntil());
		model.put("note", quote.note());
		model.put("sentByName", quote.sentByName());
		if (quote.recipients() == null) {
			return;
		}
		quote.recipients()
			.stream()
			.map(Recipient::email)
			.filter(email -> email != null && !email.isBlank())
			.map(EmailAddresses::normalize)
			.distinct()
			.forEach(email -> mailQueue.enqueue(MailKind.QUOTE, email, quote.quoteId().toString(), model));
	}

	private static void placed(MailQueue mailQueue, OrderPlaced order) {
		// no method yet (a quota order, a renewal before payment): nothing to instruct; Set.of refuses null
		boolean awaitsOfflinePayment = order.paymentMethod() != null && OFFLINE_METHODS.contains(order.paymentMethod())
				&& (order.status() == null || "PENDING_PAYMENT".equals(order.status()));
		if (!awaitsOfflinePayment) {
			return;
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("orderId", order.orderId());
		model.put("type", order.type());
		model.put("paymentMethod", order.paymentMethod());
		model.put("total", order.total());
		model.put("lines", order.lines() == null ? List.of() : order.lines());
		model.put("paymentDueBy", order.paymentDueBy());
		toContacts(mailQueue, MailKind.PAYMENT_INSTRUCTIONS, order.orderId(), order.contacts(), model);
	}

	private static void paymentReminder(MailQueue mailQueue, OrderPlaced order) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("orderId", order.orderId());
		model.put("paymentMethod", order.paymentMethod());
		model.put("total", order.total());
		model.put("paymentDueBy", order.paymentDueBy());
		toContacts(mailQueue, MailKind.PAYMENT_REMINDER, order.orderId(), order.contacts(), model);
	}

	private static void paid(MailQueue mailQueue, OrderPaid order) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("orderId", order.orderId());
		model.put("type", order.type());
		model.put("paymentMethod", order.paymentMethod());
		model.put("paymentId", order.paymentId());
		model.put("paidAt", order.paidAt());
		model.put("total", order.total());
		model.put("lines", order.lines() == null ? List.of() : order.lines());
		toContacts(mailQueue, MailKind.RECEIPT, order.orderId(), order.contacts(), model);
	}

	private static void toContacts(MailQueue mailQueue, MailKind kind, UUID orderId, List<Contact> contacts,
			Map<String, Object> model) {
		if (contacts == null) {
			return;
		}
		contacts.stream()
			.map(Contact::email)
			.filter(email -> email != null && !email.isBlank())
			.map(EmailAddresses::normalize)
			.distinct()
			.forEach(email -> mailQueue.enqueue(kind, email, orderId.toString(), model));
	}

	@KafkaListener(topics = "portal.order.events", groupId = CONSUMER)
	void on(ConsumerRecord<String, byte[]> record) {
		inbox.receive(record, CONSUMER, handlers);
	}

}
