package org.customerportal.notification.mail;

/**
 * What a mail is about; each kind has its templates under {@code templates/mail/}.
 */
public enum MailKind {

	/** A licence or its maintenance ends soon; carries an unsubscribe link. */
	RENEWAL_REMINDER("renewal-reminder"),

	/** Someone was invited to join an organisation; carries the accept link. */
	INVITATION("invitation"),

	/** How to pay an order placed with wire transfer or check. */
	PAYMENT_INSTRUCTIONS("payment-instructions"),

	/** An order awaiting a wire transfer or check is cancelled soon unless paid. */
	PAYMENT_REMINDER("payment-reminder"),

	/** An order was paid. */
	RECEIPT("receipt"),

	/** The vendor's sales staff sent a quote; carries the link to its page in the portal. */
	QUOTE("quote"),

	/** Support revoked a licence; carries the reason. */
	LICENSE_REVOKED("licence-revoked");

	private final String template;

	MailKind(String template) {
		this.template = template;
	}

	String template() {
		return template;
	}

}
