package org.customerportal.portal.web;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/** The signed-in person as the API knows them ({@code GET /api/me}). */
public record Me(String id, String email, String name, UUID organizationId, boolean primaryContact,
		Set<String> roles) implements Serializable {

	public boolean hasCompany() {
		return organizationId != null;
	}

	public boolean isSupport() {
		return roles != null && roles.contains("support");
	}

	/** The vendor's sales staff; support may do what they do in the sales console too. */
	public boolean isSales() {
		return roles != null && roles.contains("sales");
	}

}
