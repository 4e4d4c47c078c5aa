package org.customerportal.gateway.edge;

import io.netty.channel.EventLoop;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Writes each answer the gateway gives itself in a fresh task on its connection's event loop.
 * <p>
 * Works around a Reactor Netty 1.3.x defect (reactor/reactor-netty#4361, fixed after 1.3.8): when
 * a keep-alive client sends its next request before the server has finished with the previous one,
 * the request is queued; if it is then answered at once, without leaving the event loop (a 401,
 * a 404, a 429, a CORS preflight), the connection stops reading and the client's following request
 * hangs. Committing such an answer in a later task keeps it out of the queue's drain loop. A proxied
 * answer is written when the service's response has been read, always in a later task, so the
 * calls that make up nearly all of the traffic pay nothing. Remove once the Reactor Netty in use has
 * the fix.
 */
@Component
class EventLoopHandoffFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection connection) {
			EventLoop loop = connection.channel().eventLoop();
			// every answer, also those of the error handlers after the filters, is committed through here
			exchange.getResponse().beforeCommit(() -> proxied(exchange) ? Mono.empty() : nextTask(loop));
		}
		return chain.filter(exchange);
	}

	private static boolean proxied(ServerWebExchange exchange) {
		return exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) != null;
	}

	private static Mono<Void> nextTask(EventLoop loop) {
		return Mono.create(sink -> loop.execute(sink::success));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
