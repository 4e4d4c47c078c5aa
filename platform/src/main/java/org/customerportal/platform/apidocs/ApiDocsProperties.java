package org.customerportal.platform.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every service's OpenAPI document says about who answers for the API; an installation names its
 * own support desk here ({@code PORTAL_APIDOCS_CONTACT_EMAIL}, {@code PORTAL_APIDOCS_CONTACT_URL}).
 * @param contact who readers of the API documents turn to
 * @param license the licence the API documents are published under
 */
@ConfigurationProperties("portal.api-docs")
public record ApiDocsProperties(@DefaultValue Contact contact, @DefaultValue License license) {

	/**
	 * @param name a team or department
	 * @param email its address, if any
	 * @param url its help desk or issue tracker, if any
	 */
	public record Contact(@DefaultValue("Customer Portal maintainers") String name, String email, String url) {
	}

	/**
	 * @param name an SPDX identifier or a name
	 * @param url the licence's text
	 */
	public record License(@DefaultValue("Apache-2.0") String name,
			@DefaultValue("https://www.apache.org/licenses/LICENSE-2.0") String url) {
	}

}
