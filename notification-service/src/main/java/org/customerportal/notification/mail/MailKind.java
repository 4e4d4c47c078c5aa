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
	LICENSE_REVOKED("license-revoked", "LICENCE_REVOKED");

	private final String template;

	private final String code;

	MailKind(String template) {
		this(template, null);
	}

	// the code is stored with each mail and shown by GET /api/notifications/sent: a published value
	// that keeps its spelling when the constant's changes
	MailKind(String template, String code) {
		this.template = template;
		this.code = code != null ? code : name();
	}

	/** The kind a stored or published code names. */
	static MailKind of(String code) {
		for (MailKind kind : values()) {
			if (kind.code.equals(code)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("no mail kind " + code);
	}

	/** How the kind is stored and shown. */
	public String code() {
		return code;
	}

	String template() {
		return template;
	}

}
