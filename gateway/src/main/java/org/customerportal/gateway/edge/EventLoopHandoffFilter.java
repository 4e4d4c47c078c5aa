package org.customerportal.gateway.edge;

import io.netty.channel.EventLoop;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Handles each request in its own task on its connection's event loop.
 * <p>
 * Works around a Reactor Netty 1.3.x defect (reactor/reactor-netty#4361, fixed after 1.3.8): when
 * a keep-alive client sends its next request before the server has finished with the previous one,
 * the request is queued; if it is then answered at once, without leaving the event loop (a 401,
 * a 429, a CORS preflight), the connection stops reading and the client's following request hangs.
 * Starting the handling in a fresh task keeps that answer out of the queue's drain loop. It costs
 * one event-loop task per request; remove it once the Reactor Netty in use has the fix.
 */
@Component
class EventLoopHandoffFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!(ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection connection)) {
			return chain.filter(exchange);
		}
		EventLoop loop = connection.channel().eventLoop();
		return Mono.<Void>create(sink -> loop.execute(sink::success)).then(Mono.defer(() -> chain.filter(exchange)));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
