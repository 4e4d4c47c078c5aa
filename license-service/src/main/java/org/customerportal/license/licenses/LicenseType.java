package org.customerportal.license.licenses;

/**
 * What a licence is: a yearly subscription, a perpetual right with yearly maintenance, or a trial.
 */
public enum LicenseType {

	ANNUAL, PERPETUAL, TRIAL

}
