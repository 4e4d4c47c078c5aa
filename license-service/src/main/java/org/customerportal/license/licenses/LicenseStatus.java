package org.customerportal.license.licenses;

/**
 * The stored state of a licence. A licence whose end date has passed reads as {@link #EXPIRED} even
 * before the expiry job has marked it (see {@link License#effectiveStatus}).
 */
public enum LicenseStatus {

	ACTIVE, EXPIRED, REVOKED

}
