package org.customerportal.account;

import org.customerportal.platform.security.CurrentUser;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Configuration;

/**
 * Keeps the {@link CurrentUser} controller parameter, which comes from the access token, out of the
 * OpenAPI document, where it would otherwise show up as a required query parameter.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentConfiguration {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
	}

}
