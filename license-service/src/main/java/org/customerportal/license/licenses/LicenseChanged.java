package org.customerportal.license.licenses;

/**
 * Published by {@link Licenses#save} with every change of a licence; listen to it with
 * {@code @TransactionalEventListener} (after commit) so that a cache never holds what a rolled-back
 * transaction wrote. An application event only: it never leaves the service.
 */
public record LicenseChanged(String licenseKey) {
}
