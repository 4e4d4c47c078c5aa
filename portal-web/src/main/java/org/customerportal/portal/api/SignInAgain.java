package org.customerportal.portal.api;

/**
 * The API no longer accepts the person's token (it expired and could not be renewed, or the account
 * was disabled): they have to sign in again.
 */
public class SignInAgain extends RuntimeException {

	public SignInAgain(String message) {
		super(message);
	}

}
