package org.customerportal.gateway.problem;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace id of a request, taken from the server observation that spans the whole exchange, so a
 * customer can quote it and support can find every hop's logs.
 */
public final class TraceIds {

	private TraceIds() {
	}

	public static @Nullable String of(ServerWebExchange exchange) {
		Span span = span(exchange);
		if (span == null) {
			return null;
		}
		String traceId = span.context().traceId();
		return traceId.isEmpty() ? null : traceId;
	}

	/** The span of the gateway's server observation: the parent of the hop to the service. */
	public static @Nullable Span span(ServerWebExchange exchange) {
		ServerRequestObservationContext observation = ServerRequestObservationContext
			.findCurrent(exchange.getAttributes())
			.orElse(null);
		if (observation == null) {
			return null;
		}
		TracingContext tracing = observation.get(TracingContext.class);
		return tracing != null ? tracing.getSpan() : null;
	}

}
