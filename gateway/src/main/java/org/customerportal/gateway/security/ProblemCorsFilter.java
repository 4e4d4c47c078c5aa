package org.customerportal.gateway.security;

import org.customerportal.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * CORS for the web portal's origins, like Spring's {@code CorsWebFilter}, except that a refused
 * cross-origin request is answered 403 with a problem document, as every other refusal.
 * A preflight is answered here and goes no further.
 */
class ProblemCorsFilter implements WebFilter {

	private final CorsConfigurationSource source;

	private final CorsProcessor processor = new DefaultCorsProcessor();

	private final Problems problems;

	ProblemCorsFilter(CorsConfigurationSource source, Problems problems) {
		this.source = source;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		CorsConfiguration configuration = source.getCorsConfiguration(exchange);
		if (!processor.process(configuration, exchange)) {
			return problems.write(exchange, HttpStatus.FORBIDDEN, "This web site may not call the Customer Portal API.");
		}
		if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
			return Mono.empty();
		}
		return chain.filter(exchange);
	}

}
