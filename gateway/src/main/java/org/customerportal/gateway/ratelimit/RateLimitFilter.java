package org.customerportal.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.customerportal.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Limits every routed request: by the token's subject when the caller signed in, by the client
 * address otherwise (the public routes). Over the limit: 429 with {@code Retry-After}, and the
 * request never reaches a service.
 * <p>
 * The client address is the TCP peer, or the address a trusted proxy reports
 * ({@code spring.cloud.gateway.server.webflux.trusted-proxies}).
 */
class RateLimitFilter implements GlobalFilter, Ordered {

	static final String DETAIL = "Too many requests. Please wait a moment and try again.";

	private final RateLimiter<?> limiter;

	private final Problems problems;

	RateLimitFilter(RateLimiter<?> limiter, Problems problems) {
		this.limiter = limiter;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map(principal -> limiter.isAllowed(TokenBucketRateLimiter.AUTHENTICATED, principal.getName()))
			.switchIfEmpty(Mono.fromSupplier(() -> limiter.isAllowed(TokenBucketRateLimiter.ANONYMOUS, clientOf(exchange))))
			.flatMap(decision -> decision)
			.flatMap(decision -> {
				if (decision.isAllowed()) {
					return chain.filter(exchange);
				}
				String retryAfter = decision.getHeaders().getOrDefault("Retry-After", "1");
				return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, DETAIL,
						headers -> headers.set("Retry-After", retryAfter));
			});
	}

	private static String clientOf(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	@Override
	public int getOrder() {
		// after the route is chosen, before the circuit breaker and the call to the service
		return -100;
	}

}
