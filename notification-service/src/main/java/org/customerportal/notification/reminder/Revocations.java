package org.customerportal.notification.reminder;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.customerportal.notification.mail.MailKind;
import org.customerportal.notification.mail.MailQueue;
import org.customerportal.notification.reminder.LicenseEvents.LicenseRevoked;
import org.customerportal.platform.time.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A revoked licence gets no more renewal reminders (those due and those queued are cancelled) and the
 * current contacts of its order are told, with support's reason. Trials have no order contacts here, so
 * a revoked trial is not mailed about.
 */
@Component
class Revocations {

	private final JdbcClient jdbc;

	private final MailQueue mailQueue;

	private final Clock clock;

	Revocations(JdbcClient jdbc, MailQueue mailQueue, Clock clock) {
		this.jdbc = jdbc;
		this.mailQueue = mailQueue;
		this.clock = clock;
	}

	void revoked(LicenseRevoked event) {
		jdbc.sql("update reminder set status = 'CANCELLED', processed_at = ? where licence_id = ? and status = 'DUE'")
			.params(Timestamps.now(clock), event.licenseId())
			.update();
		mailQueue.cancelQueuedReminders(event.licenseId(), null);
		if (event.orderId() == null) {
			return;
		}
		List<String> contacts = jdbc.sql("select distinct email from order_contact where order_id = ?")
			.param(event.orderId())
			.query(String.class)
			.list();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("licenceId", event.licenseId());
		model.put("product", event.product());
		model.put("productName", jdbc.sql("select name from product where code = ?")
			.param(event.product())
			.query(String.class)
			.optional()
			.orElse(null));
		model.put("reason", event.reason());
		// once per revocation and contact: a licence revoked again after reinstatement is told again
		String reference = event.licenseId() + "@" + event.occurredAt();
		contacts.forEach(email -> mailQueue.enqueue(MailKind.LICENSE_REVOKED, email, reference, model));
	}

}
