package org.customerportal.gateway.security;

import org.customerportal.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers 401 and 403 as problem documents, with the sentences the services use.
 */
@Component
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private final Problems problems;

	ProblemSecurityHandlers(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
		boolean tokenSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
		return problems.write(exchange, HttpStatus.UNAUTHORIZED,
				"A valid access token is required. Sign in again and retry.",
				headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE,
						tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer"));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return problems.write(exchange, HttpStatus.FORBIDDEN, "You are not allowed to do this.");
	}

}
