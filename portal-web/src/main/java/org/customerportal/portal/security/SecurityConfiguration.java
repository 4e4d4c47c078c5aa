package org.customerportal.portal.security;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import org.customerportal.portal.PortalProperties;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Sign-in with Keycloak (authorization code with PKCE), tokens kept in the server-side session, sign-out
 * that ends the Keycloak session too, CSRF tokens on every form and a Content-Security-Policy that
 * allows no inline script or style.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

	static final String LOGIN = "/oauth2/authorization/" + "keycloak";

	@Bean
	SecurityFilterChain portal(HttpSecurity http, ClientRegistrationRepository registrations,
			PortalProperties properties) throws Exception {
		OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/assets/**", "/webjars/**", "/favicon.ico", "/error", "/signed-out", "/invitations/*")
			.permitAll()
			// probes and metrics: served only on the management port, which is never public
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.permitAll()
			.requestMatchers("/support/**")
			.hasRole("support")
			// the catalogue: the vendor's sales staff, and support, who keep their rights
			.requestMatchers("/sales/products/**", "/sales/price-lists/**")
			.hasAnyRole("sales", "support")
			// sales quotes: sales staff only, as the API has it
			.requestMatchers("/sales/**")
			.hasRole("sales")
			.anyRequest()
			.authenticated())
			.oauth2Login(login -> login.loginPage(LOGIN)
				.authorizationEndpoint(endpoint -> endpoint
					.authorizationRequestResolver(new RegistrationAwareRequestResolver(registrations)))
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(new RealmRolesOidcUserService())))
			.logout(logout -> logout.logoutSuccessHandler(signedOut))
			.exceptionHandling(errors -> errors
				// htmx follows no redirect to Keycloak: it reloads the page, which then signs in
				.defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(),
						new RequestHeaderRequestMatcher("HX-Request"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN + "?register"),
						request -> request.getParameter("register") != null))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(registrations, properties)))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frames -> frames.deny()));
		return http.build();
	}

	/** Tokens live in the (JDBC-backed) HTTP session, so every replica and a restart keep them. */
	@Bean
	OAuth2AuthorizedClientRepository authorizedClients() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	/** Renews an expired access token with the refresh token before calling the API. */
	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients) {
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		manager.setAuthorizedClientProvider(
				OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
		return manager;
	}

	static String contentSecurityPolicy(ClientRegistrationRepository registrations, PortalProperties properties) {
		Set<String> formTargets = new LinkedHashSet<>();
		formTargets.add("'self'");
		ClientRegistration keycloak = registrations.findByRegistrationId("keycloak");
		if (keycloak != null) {
			formTargets.add(origin(URI.create(keycloak.getProviderDetails().getAuthorizationUri())));
		}
		properties.formActionOrigins().forEach(formTargets::add);
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
				+ "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action "
				+ String.join(" ", formTargets);
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getAuthority();
	}

}
