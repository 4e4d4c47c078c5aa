package org.customerportal.license.licenses;

/**
 * Told after a transaction that changed a licence has committed (e.g. to refresh a cache).
 */
public interface LicenseChangeListener {

	void licenseChanged(String licenseKey);

}
