package org.customerportal.license.validation;

/**
 * The answer to a validation, for a product to act on.
 */
enum ValidationCode {

	VALID, EXPIRED, NOT_FOUND, WRONG_PRODUCT, QUOTA_EXCEEDED, REVOKED

}
