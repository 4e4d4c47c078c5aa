package org.customerportal.license.licenses;

import org.customerportal.platform.problem.BusinessRuleException;

/**
 * Every unit of a licence's quota is in use (422).
 */
public class QuotaExceededException extends BusinessRuleException {

	public QuotaExceededException(int quota) {
		super("All " + quota + (quota == 1 ? " unit" : " units")
				+ " of this licence's quota are in use. Free a device or add quota, then try again.");
	}

}
