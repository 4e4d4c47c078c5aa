package org.customerportal.order;

/**
 * How a licence is sold: for a year at a time, or for good with yearly maintenance.
 */
public enum LicenseType {

	ANNUAL, PERPETUAL

}
