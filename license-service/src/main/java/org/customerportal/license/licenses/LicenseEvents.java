package org.customerportal.license.licenses;

/**
 * The topic the licence events go to (types and fields: docs/events.md; a JSON Schema per type under
 * {@code src/main/resources/events}).
 */
public final class LicenseEvents {

	public static final String TOPIC = "portal.license.events";

	private LicenseEvents() {
	}

}
