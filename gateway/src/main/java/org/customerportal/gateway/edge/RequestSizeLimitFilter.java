package org.customerportal.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses request bodies over {@code portal.gateway.max-request-size} with 413, before the token
 * check and before anything reaches a service: at once when {@code Content-Length} says so, and
 * while streaming for a chunked body that grows past the limit. A declared body up to four times the
 * limit is read (and dropped) before the answer, so that the client reads the 413 instead of a reset.
 */
@Component
class RequestSizeLimitFilter implements WebFilter, Ordered {

	/** Bodies up to this many times the limit are read to their end before the 413; larger ones are cut off. */
	private static final long DRAINED_MULTIPLE = 4;

	private final DataSize limit;

	RequestSizeLimitFilter(@Value("${portal.gateway.max-request-size}") DataSize limit) {
		this.limit = limit;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long declared = request.getHeaders().getContentLength();
		if (declared > limit.toBytes()) {
			RequestTooLargeException tooLarge = new RequestTooLargeException(limit);
			if (declared > DRAINED_MULTIPLE * limit.toBytes()) {
				return Mono.error(tooLarge);
			}
			// Read and drop the body first: a connection closed with unread bytes is reset, and the
			// client, still sending, loses the 413 before it can read it.
			return request.getBody().doOnNext(DataBufferUtils::release).then(Mono.error(tooLarge));
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		// no Content-Length: a chunked body (or none) — count as it streams through
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong seen = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
						DataBufferUtils.release(buffer);
						sink.error(new RequestTooLargeException(limit));
					}
					else {
						sink.next(buffer);
					}
				});
			}
		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
