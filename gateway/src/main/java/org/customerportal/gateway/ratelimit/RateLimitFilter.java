package org.customerportal.gateway.ratelimit;

import org.customerportal.gateway.problem.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Limits every routed request: by the token's subject when the caller signed in, by the client
 * address otherwise (the public routes, see {@link ClientAddresses}). Routes with the metadata
 * {@value #BY_LICENSE_KEY}{@code : true} (licence validation) are also limited per licence key, whatever
 * address the calls come from. Over a limit: 429 with {@code Retry-After}, and the request never
 * reaches a service.
 */
class RateLimitFilter implements GlobalFilter, Ordered {

	static final String DETAIL = "Too many requests. Please wait a moment and try again.";

	static final String BY_LICENSE_KEY = "rate-limit-per-license-key";

	private final RateLimiter<?> limiter;

	private final ClientAddresses clients;

	private final Problems problems;

	private final JsonMapper mapper;

	RateLimitFilter(RateLimiter<?> limiter, ClientAddresses clients, Problems problems, JsonMapper mapper) {
		this.limiter = limiter;
		this.clients = clients;
		this.problems = problems;
		this.mapper = mapper;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map(principal -> limiter.isAllowed(RateLimitPolicies.AUTHENTICATED, principal.getName()))
			.switchIfEmpty(Mono.fromSupplier(
					() -> limiter.isAllowed(RateLimitPolicies.ANONYMOUS, clients.of(exchange).rateLimitKey())))
			.flatMap(decision -> decision)
			.flatMap(decision -> {
				if (!decision.isAllowed()) {
					return refuse(exchange, decision);
				}
				if (!limitedPerLicenseKey(exchange)) {
					return chain.filter(exchange);
				}
				return LicenseKeyInBody.read(exchange, mapper).flatMap(read -> {
					if (read.key() == null) {
						return chain.filter(read.exchange());
					}
					return limiter.isAllowed(RateLimitPolicies.LICENSE_KEY, read.key())
						.flatMap(perKey -> perKey.isAllowed() ? chain.filter(read.exchange())
								: refuse(read.exchange(), perKey));
				});
			});
	}

	private Mono<Void> refuse(ServerWebExchange exchange, RateLimiter.Response decision) {
		String retryAfter = decision.getHeaders().getOrDefault("Retry-After", "1");
		return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, DETAIL,
				headers -> headers.set("Retry-After", retryAfter));
	}

	private static boolean limitedPerLicenseKey(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return route != null && Boolean.parseBoolean(String.valueOf(route.getMetadata().get(BY_LICENSE_KEY)));
	}

	@Override
	public int getOrder() {
		// after the route is chosen, before the circuit breaker and the call to the service
		return -100;
	}

}
