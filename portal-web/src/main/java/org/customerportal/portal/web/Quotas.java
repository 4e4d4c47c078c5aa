package org.customerportal.portal.web;

/** A quota typed into a form. */
public final class Quotas {

	private Quotas() {
	}

	/** The quota as a number: 0 when left empty, null when it is not a whole number. */
	public static Integer parse(String entered) {
		String quota = entered == null ? "" : entered.strip();
		if (quota.isEmpty()) {
			return 0;
		}
		try {
			return Integer.valueOf(quota);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
