package org.customerportal.gateway.security;

import java.time.Clock;
import java.util.List;

import org.customerportal.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Who may pass: a valid Keycloak access token (for the {@code portal-api} audience, about a person:
 * see {@link #accessTokenValidator}) on every route except the public ones of the API
 * contract (licence validation and public key, unsubscribe), health probes, metrics and the API
 * documentation. The services check the token again and decide what the caller may see.
 * <p>
 * Kept cheap, as it runs on every request: stateless (no session, no request cache, no security
 * context storage), no anonymous authentication object, no observation per filter, and validated
 * tokens are remembered until they expire ({@link CachingJwtAuthenticationManager}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({ CorsProperties.class, TokenCacheProperties.class, AccessTokenProperties.class })
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain portalSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
			ProblemSecurityHandlers refusals, CorsConfigurationSource cors, TokenCacheProperties tokenCache,
			Problems problemDocuments, Clock clock) {
		var authenticationManager = new CachingJwtAuthenticationManager(
				new JwtReactiveAuthenticationManager(jwtDecoder), tokenCache, clock);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.cors(ServerHttpSecurity.CorsSpec::disable)
			.addFilterAt(new ProblemCorsFilter(cors, problemDocuments), SecurityWebFiltersOrder.CORS)
			.headers(headers -> headers.frameOptions(frame -> frame.mode(Mode.DENY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'")))
			.authorizeExchange(exchanges -> exchanges.anyExchange().access(publicOrAuthenticated(publicCalls())))
			.oauth2ResourceServer(resourceServer -> resourceServer.bearerTokenConverter(new BearerTokenConverter())
				.jwt(jwt -> jwt.authenticationManager(authenticationManager))
				.authenticationEntryPoint(refusals)
				.accessDeniedHandler(refusals))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
			.build();
	}

	/**
	 * Besides signature, issuer and expiry (Boot's decoder adds this bean to its checks): an access
	 * token (Keycloak's {@code typ} claim {@code Bearer}, where ID tokens say {@code ID}), meant for the
	 * portal's API (the audience) and about a person (a subject). The services check the same; the
	 * gateway cannot use the platform's servlet code, hence this second, small copy.
	 */
	@Bean
	OAuth2TokenValidator<Jwt> accessTokenValidator(AccessTokenProperties properties) {
		String audience = properties.audience();
		return new DelegatingOAuth2TokenValidator<>(new JwtClaimValidator<String>("typ", "Bearer"::equals),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
				new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
	}

	/**
	 * The public calls pass, every other needs a valid token: one decision per request, where
	 * {@code matchers(publicCalls).permitAll().anyExchange().authenticated()} would take the request
	 * through Spring Security's reactive chain of matchers.
	 */
	private static ReactiveAuthorizationManager<AuthorizationContext> publicOrAuthenticated(PublicCalls publicCalls) {
		ReactiveAuthorizationManager<AuthorizationContext> authenticated = AuthenticatedReactiveAuthorizationManager
			.authenticated();
		Mono<AuthorizationResult> granted = Mono.just(new AuthorizationDecision(true));
		return (authentication, context) -> publicCalls.matches(context.getExchange()) ? granted
				: authenticated.authorize(authentication, context);
	}

	private static PublicCalls publicCalls() {
		return new PublicCalls()
			// public calls of the API contract
			.allow(HttpMethod.POST, "/api/licenses/validate", "/api/unsubscribe", "/api/payments/webhooks/{provider}",
					"/api/payments/simulated/{paymentId}")
			.allow(HttpMethod.GET, "/api/licenses/public-key", "/api/unsubscribe", "/api/payments/simulated/{paymentId}")
			.allow(HttpMethod.HEAD, "/api/unsubscribe")
			// probes and metrics, served on the management port only (this chain guards it too); the API
			// port has no such endpoint and answers 404
			.allow(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
			// one Swagger UI for all services
			.allow(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/v3/api-docs",
					"/v3/api-docs/**")
			// the AsyncAPI documents of the topics, beside it
			.allow(HttpMethod.GET, "/asyncapi/{document}");
	}

	/** Spring Security's strict firewall, with the same rules for header names and values checked without a regex. */
	@Bean
	ServerWebExchangeFirewall firewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(HeaderValues::allowedName);
		firewall.setAllowedHeaderValues(HeaderValues::allowed);
		return firewall;
	}

	/** Its refusals as problem documents. */
	@Bean
	ServerExchangeRejectedHandler firewallRefusals(Problems problems) {
		return new FirewallRefusals(problems);
	}

	/**
	 * No observation (span, timer) per security filter, authentication and authorisation: the
	 * request's own span already covers the exchange, and the per-filter ones were a large part of
	 * the gateway's work per request.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language", "If-Match",
				"If-None-Match", "Idempotency-Key", "traceparent", "tracestate"));
		cors.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "X-Trace-Id", "Idempotent-Replayed"));
		// Bearer tokens, not cookies: the browser sends no credentials of its own.
		cors.setAllowCredentials(false);
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

}
