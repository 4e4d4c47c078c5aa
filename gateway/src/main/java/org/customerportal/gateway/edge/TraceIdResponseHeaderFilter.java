package org.customerportal.gateway.edge;

import org.customerportal.gateway.problem.TraceIds;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Puts the trace id on every response ({@value #HEADER}), proxied or answered by the gateway
 * itself, so a customer can quote it. The same trace continues into the services through the W3C
 * {@code traceparent} header that the gateway adds to each call.
 */
@Component
class TraceIdResponseHeaderFilter implements WebFilter, Ordered {

	static final String HEADER = "X-Trace-Id";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			String traceId = TraceIds.of(exchange);
			if (traceId != null) {
				exchange.getResponse().getHeaders().set(HEADER, traceId);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
