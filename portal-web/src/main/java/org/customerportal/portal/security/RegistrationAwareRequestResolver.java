package org.customerportal.portal.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Sends a person who follows "Create an account" (an invitation for someone without an account) to
 * Keycloak's registration form instead of its sign-in form ({@code prompt=create}).
 */
class RegistrationAwareRequestResolver implements OAuth2AuthorizationRequestResolver {

	private final DefaultOAuth2AuthorizationRequestResolver standard;

	RegistrationAwareRequestResolver(ClientRegistrationRepository registrations) {
		this.standard = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		return register(request, standard.resolve(request));
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
		return register(request, standard.resolve(request, clientRegistrationId));
	}

	private static OAuth2AuthorizationRequest register(HttpServletRequest request,
			OAuth2AuthorizationRequest authorization) {
		if (authorization == null || request.getParameter("register") == null) {
			return authorization;
		}
		return OAuth2AuthorizationRequest.from(authorization)
			.additionalParameters(parameters -> parameters.put("prompt", "create"))
			.build();
	}

}
