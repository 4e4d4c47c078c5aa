package org.customerportal.platform.security;

import java.util.List;

import org.customerportal.platform.problem.ProblemWriter;

import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server for the Keycloak realm: it validates the token itself
 * (issuer and keys from {@code spring.security.oauth2.resourceserver.jwt.*}; only access tokens for the
 * {@code portal-api} audience, see {@link AccessTokens}), maps realm roles to
 * {@code ROLE_…} authorities and lets only the health probes and declared public paths through
 * without one.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PortalSecurityProperties.class)
@EnableMethodSecurity
public class PortalSecurityAutoConfiguration {

	/** Boot's token decoder adds this to its checks of signature, issuer and expiry. */
	@Bean
	OAuth2TokenValidator<Jwt> portalAccessTokenValidator(PortalSecurityProperties properties) {
		return AccessTokens.validator(properties.audience());
	}

	@Bean
	ProblemSecurityHandlers problemSecurityHandlers(ProblemWriter writer) {
		return new ProblemSecurityHandlers(writer);
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain portalSecurityFilterChain(HttpSecurity http, PortalSecurityProperties properties,
			ProblemSecurityHandlers handlers) throws Exception {
		List<String> publicPaths = properties.publicPaths();
		http.authorizeHttpRequests(requests -> {
			requests.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
					"/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
					"/asyncapi/*.yaml")
				.permitAll();
			requests.requestMatchers("/error").permitAll();
			if (!publicPaths.isEmpty()) {
				requests.requestMatchers(publicPaths.toArray(String[]::new)).permitAll();
			}
			requests.anyRequest().authenticated();
		})
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(keycloakTokenConverter()))
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers));
		return http.build();
	}

	static Converter<Jwt, AbstractAuthenticationToken> keycloakTokenConverter() {
		return jwt -> new JwtAuthenticationToken(jwt,
				CurrentUsers.authorities(jwt).stream().map(SimpleGrantedAuthority::new).toList(), jwt.getSubject());
	}

	/** The caller comes from the token: keep it out of the OpenAPI document's parameters. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SpringDocUtils.class)
	static class ApiDocumentation {

		static {
			SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
		}

	}

	@Bean
	WebMvcConfigurer currentUserArgumentResolverConfigurer() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CurrentUserArgumentResolver());
			}
		};
	}

}
