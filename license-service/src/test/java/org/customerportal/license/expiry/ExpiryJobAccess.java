package org.customerportal.license.expiry;

import org.springframework.stereotype.Component;

/**
 * Lets tests run the expiry job on demand, at the time the test clock says.
 */
@Component
public class ExpiryJobAccess {

	private final ExpiryJob job;

	ExpiryJobAccess(ExpiryJob job) {
		this.job = job;
	}

	public int expireEnded() {
		return job.expireEnded();
	}

}
